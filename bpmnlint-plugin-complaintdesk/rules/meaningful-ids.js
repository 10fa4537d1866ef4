'use strict';

// Ids as Camunda Modeler, bpmn-js or Signavio generate them (models/ModelConventions.GENERATED_ID).
const GENERATED_ID = /^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$|^[A-Za-z]+_[0-9]+$|^sid-.*/;

module.exports = function() {
  function check(node, reporter) {
    if (node.id && node.$instanceOf('bpmn:BaseElement') && !node.$instanceOf('bpmn:Definitions') && GENERATED_ID.test(node.id)) {
      reporter.report(node.id, 'has a generated id: give it a meaningful one (Task_…, Gateway_…, Flow_…)');
    }
  }
  return { check };
};
