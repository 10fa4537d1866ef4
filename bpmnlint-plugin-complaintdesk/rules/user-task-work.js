'use strict';

const { camunda, GROUP_IDS } = require('./helpers');

const VARIABLE = /^\$\{(\w+)\}$/;

// A user task says which department works it and which Camunda Form it shows (forms/<formRef>.form, deployed with
// the model: formRefBinding deployment). Whether the form exists and its fields are process variables is checked by
// ModelConventionsTest and the engine's deployment guard.
module.exports = function() {
  function check(node, reporter) {
    if (node.$type !== 'bpmn:UserTask') {
      return;
    }
    const groups = camunda(node, 'candidateGroups');
    if (!groups || !groups.trim()) {
      reporter.report(node.id, 'has no camunda:candidateGroups: say which department works it');
    } else {
      for (const group of groups.split(',').map(g => g.trim())) {
        if (!VARIABLE.test(group) && !GROUP_IDS.includes(group)) {
          reporter.report(node.id, `candidateGroups '${group}' is no group id (${[...GROUP_IDS].sort().join(', ')})`);
        }
      }
    }
    if (!camunda(node, 'formRef')) {
      reporter.report(node.id, 'has no camunda:formRef (a Camunda Form in forms/)');
    }
  }
  return { check };
};
