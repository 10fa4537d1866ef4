'use strict';

const { extensions, prop, processOf, SCHEDULED_PROCESSES, REMINDERS } = require('./helpers');

// Reminders come from a create listener writing our own rows (notification/TaskReminders): a process instance
// migration strips timeout listeners until a restart (camunda-bpm-platform 4633/4637).
module.exports = function() {
  function check(node, reporter) {
    const listeners = extensions(node, 'camunda:TaskListener');
    if (listeners.some(l => prop(l, 'event') === 'timeout')) {
      reporter.report(node.id, 'has a timeout task listener: a migration strips those until a restart '
        + `(camunda-bpm-platform 4633/4637); reminders come from the create listener ${REMINDERS}`);
    }
    if (node.$type === 'bpmn:UserTask') {
      const process = processOf(node);
      if (process && SCHEDULED_PROCESSES.includes(process.id)
          && !listeners.some(l => prop(l, 'event') === 'create' && prop(l, 'expression') === REMINDERS)) {
        reporter.report(node.id, `has no reminders: add the create task listener ${REMINDERS}`);
      }
    }
  }
  return { check };
};
