'use strict';

// Complaint Desk's model conventions, the part that needs no Java: bean wiring form, candidate groups, forms,
// reminders, ids, names and history time to live. The same rules run in ModelConventionsTest and (those that would
// break work) in the engine's deployment guard; BpmnlintPluginTest runs both on the same broken fixtures.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'meaningful-ids': 'error',
        'history-time-to-live': 'error',
        'spring-bean-wiring': 'error',
        'user-task-work': 'error',
        'reminders': 'error'
      }
    }
  },
  rules: {
    'meaningful-ids': './rules/meaningful-ids',
    'history-time-to-live': './rules/history-time-to-live',
    'spring-bean-wiring': './rules/spring-bean-wiring',
    'user-task-work': './rules/user-task-work',
    'reminders': './rules/reminders'
  }
};
