'use strict';

const { camunda } = require('./helpers');

module.exports = function() {
  function check(node, reporter) {
    if (node.$type === 'bpmn:Process' && node.isExecutable
        && (camunda(node, 'historyTimeToLive') === undefined || camunda(node, 'historyTimeToLive') === '')) {
      reporter.report(node.id, 'has no camunda:historyTimeToLive');
    }
  }
  return { check };
};
