'use strict';

/** Extension elements of a type ('camunda:TaskListener', ...) of an element, with or without the camunda moddle. */
function extensions(node, type) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.filter(value => value.$type && value.$type.toLowerCase() === type.toLowerCase());
}

/** A camunda: attribute of a BPMN element ('formRef'), read with or without the camunda moddle. */
function camunda(node, name) {
  const value = node.get ? node.get('camunda:' + name) : undefined;
  if (value !== undefined) {
    return value;
  }
  return node.$attrs ? node.$attrs['camunda:' + name] : undefined;
}

/** An attribute of an extension element ('event'), read with or without the camunda moddle. */
function prop(element, name) {
  if (element[name] !== undefined) {
    return element[name];
  }
  return element.$attrs ? element.$attrs[name] : undefined;
}

/** The process an element belongs to. */
function processOf(node) {
  let current = node;
  while (current && current.$type !== 'bpmn:Process') {
    current = current.$parent;
  }
  return current;
}

/** The group ids of the departments (identity/Departments.ALL). */
const GROUP_IDS = [
  'customer-service', 'technical-support', 'compliance-legal', 'marketing-brand', 'complaint-managers'
];

/** Processes whose user tasks get due dates from the task schedule and reminders (models/ModelWiring). */
const SCHEDULED_PROCESSES = ['complaint-lifecycle', 'settlement-execution'];

const REMINDERS = '${taskReminders.schedule(task)}';
const BEAN_EXPRESSION = /^\$\{(\w+)\}$/;
const BEAN_METHOD_EXPRESSION = /^\$\{(\w+)\.(\w+)\((\w*)\)\}$/;

module.exports = { extensions, camunda, prop, processOf, GROUP_IDS, SCHEDULED_PROCESSES, REMINDERS, BEAN_EXPRESSION, BEAN_METHOD_EXPRESSION };
