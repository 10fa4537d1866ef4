'use strict';

const { extensions, camunda, prop, BEAN_EXPRESSION, BEAN_METHOD_EXPRESSION } = require('./helpers');

// Wiring only through Spring beans: delegateExpression ${beanName}, listeners ${bean.method(task|execution)}; no
// camunda:class, no scripts. Whether the bean exists is checked by ModelConventionsTest and the engine's deployment
// guard (they see the Java code).
module.exports = function() {
  function check(node, reporter) {
    if (node.$type === 'bpmn:ScriptTask') {
      reporter.report(node.id, 'is a script task: put the logic in a tested Spring bean (delegateExpression)');
    }
    if (node.$type === 'bpmn:ServiceTask') {
      const delegate = camunda(node, 'delegateExpression');
      if (camunda(node, 'class')) {
        reporter.report(node.id, `uses camunda:class '${camunda(node, 'class')}': use camunda:delegateExpression with a Spring bean`);
      } else if (!delegate) {
        reporter.report(node.id, 'has no camunda:delegateExpression (expression, external or connector wiring is not our style)');
      } else if (!BEAN_EXPRESSION.test(delegate)) {
        reporter.report(node.id, `delegateExpression '${delegate}' is not of the form \${beanName}`);
      }
    }
    for (const [type, kind, argument] of [['camunda:TaskListener', 'task listener', 'task'],
      ['camunda:ExecutionListener', 'execution listener', 'execution']]) {
      for (const listener of extensions(node, type)) {
        const className = prop(listener, 'class');
        const delegate = prop(listener, 'delegateExpression');
        const expression = prop(listener, 'expression');
        if (className) {
          reporter.report(node.id, `${kind} uses camunda:class '${className}': call a Spring bean instead`);
        } else if (delegate && !BEAN_EXPRESSION.test(delegate)) {
          reporter.report(node.id, `${kind} delegateExpression '${delegate}' names no Spring bean`);
        } else if (expression && !BEAN_METHOD_EXPRESSION.test(expression)) {
          reporter.report(node.id, `${kind} expression '${expression}' is not of the form \${bean.method(${argument})}`);
        } else if (!delegate && !expression) {
          reporter.report(node.id, 'has an inline camunda:script: put the logic in a tested Spring bean');
        }
      }
    }
  }
  return { check };
};
