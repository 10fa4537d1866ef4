package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams stay readable: Cockpit shows a model fitted to its window, so a model wider than a 1920 px screen
 * turns into dots. Reads the diagram interchange (BPMNDI) of each model, as {@code npm run layout:models} writes it,
 * and checks: everything has a shape or an edge; the diagram fits 1920 px wide and a sensible height; no sequence
 * flow runs through an event sub-process it does not belong to; no label lies on another label or on a shape;
 * boundary events sit on their task's border; every flow node lies in exactly one lane, inside that lane's shape,
 * and a user task's lane is the one of its candidate group.
 */
class ModelLayoutTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final double MAX_WIDTH = 1920;
    private static final double MAX_HEIGHT = 1400;
    /** A lane named "... (group)" is the lane of that candidate group. */
    private static final Pattern LANE_GROUP = Pattern.compile("\\(([a-z-]+)\\)\\s*$");

    static Stream<String> models() {
        return Stream.of("complaint-lifecycle.bpmn", "settlement-execution.bpmn", "legal-proceedings.bpmn",
                "regulator-referral.bpmn");
    }

    private static BpmnModelInstance read(String file) {
        return Bpmn.readModelFromFile(PROCESSES.resolve(file).toFile());
    }

    private static Map<String, BpmnShape> shapes(BpmnModelInstance model) {
        Map<String, BpmnShape> shapes = new HashMap<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            shapes.put(shape.getBpmnElement().getId(), shape);
        }
        return shapes;
    }

    private static Map<String, BpmnEdge> edges(BpmnModelInstance model) {
        Map<String, BpmnEdge> edges = new HashMap<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            edges.put(edge.getBpmnElement().getId(), edge);
        }
        return edges;
    }

    private record Box(String owner, double x, double y, double width, double height) {
        static Box of(String owner, Bounds b) {
            return new Box(owner, b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }

        boolean contains(Box o) {
            return o.x >= x && o.y >= y && o.x + o.width <= x + width && o.y + o.height <= y + height;
        }

        /** Whether the axis-parallel segment p-q passes through the inside of this box. */
        boolean crossedBy(double px, double py, double qx, double qy) {
            return Math.min(px, qx) < x + width && x < Math.max(px, qx)
                    && Math.min(py, qy) < y + height && y < Math.max(py, qy);
        }

        @Override
        public String toString() {
            return "%s [%.0f,%.0f %.0fx%.0f]".formatted(owner, x, y, width, height);
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyFlowNodeAndFlowHasItsShapeOrEdge(String file) {
        BpmnModelInstance model = read(file);
        Map<String, BpmnShape> shapes = shapes(model);
        Map<String, BpmnEdge> edges = edges(model);
        List<String> missing = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.containsKey(node.getId())) {
                missing.add("shape of " + node.getId());
            }
        }
        for (Lane lane : model.getModelElementsByType(Lane.class)) {
            if (!shapes.containsKey(lane.getId())) {
                missing.add("shape of " + lane.getId());
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = edges.get(flow.getId());
            if (edge == null || edge.getWaypoints().size() < 2) {
                missing.add("edge of " + flow.getId());
            }
        }
        assertThat(missing).as(file + ": elements without diagram interchange").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void theDiagramFitsAWideScreen(String file) {
        BpmnModelInstance model = read(file);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Bounds b : model.getModelElementsByType(Bounds.class)) {
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight());
        }
        for (Waypoint w : model.getModelElementsByType(Waypoint.class)) {
            minX = Math.min(minX, w.getX());
            minY = Math.min(minY, w.getY());
            maxX = Math.max(maxX, w.getX());
            maxY = Math.max(maxY, w.getY());
        }
        assertThat(maxX - minX).as(file + ": diagram width").isLessThanOrEqualTo(MAX_WIDTH);
        assertThat(maxY - minY).as(file + ": diagram height").isLessThanOrEqualTo(MAX_HEIGHT);
    }

    @ParameterizedTest
    @MethodSource("models")
    void noSequenceFlowCrossesAnEventSubProcessItIsNotPartOf(String file) {
        BpmnModelInstance model = read(file);
        Map<String, BpmnShape> shapes = shapes(model);
        List<String> crossings = new ArrayList<>();
        for (SubProcess sub : model.getModelElementsByType(SubProcess.class)) {
            if (!sub.triggeredByEvent()) {
                continue;
            }
            Box box = Box.of(sub.getId(), shapes.get(sub.getId()).getBounds());
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                if (!(edge.getBpmnElement() instanceof SequenceFlow flow) || isInside(flow, sub)) {
                    continue;
                }
                List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                for (int i = 1; i < points.size(); i++) {
                    Waypoint p = points.get(i - 1);
                    Waypoint q = points.get(i);
                    if (box.crossedBy(p.getX(), p.getY(), q.getX(), q.getY())) {
                        crossings.add(flow.getId() + " crosses " + sub.getId());
                        break;
                    }
                }
            }
        }
        assertThat(crossings).as(file + ": flows through event sub-processes").isEmpty();
    }

    private static boolean isInside(ModelElementInstance element, SubProcess sub) {
        for (ModelElementInstance parent = element.getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent == sub) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("models")
    void noLabelLiesOnAnotherLabelOrAShape(String file) {
        BpmnModelInstance model = read(file);
        List<Box> labels = new ArrayList<>();
        List<Box> shapes = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            if (element instanceof FlowNode && !(element instanceof SubProcess sub && !sub.triggeredByEvent())) {
                shapes.add(Box.of(element.getId(), shape.getBounds()));
            }
        }
        for (BpmnLabel label : model.getModelElementsByType(BpmnLabel.class)) {
            if (label.getBounds() != null) {
                BaseElement owner = label.getParentElement() instanceof BpmnShape shape
                        ? shape.getBpmnElement() : ((BpmnEdge) label.getParentElement()).getBpmnElement();
                labels.add(Box.of(owner.getId(), label.getBounds()));
            }
        }
        List<String> collisions = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Box label = labels.get(i);
            for (int j = i + 1; j < labels.size(); j++) {
                if (label.overlaps(labels.get(j))) {
                    collisions.add("label of " + label + " on label of " + labels.get(j));
                }
            }
            BaseElement owner = model.getModelElementById(label.owner());
            for (Box shape : shapes) {
                BaseElement shapeElement = model.getModelElementById(shape.owner());
                // a label inside an event sub-process lies within its box; that is where it belongs
                if (shapeElement instanceof SubProcess sub && isInside(owner, sub)) {
                    continue;
                }
                if (label.overlaps(shape)) {
                    collisions.add("label of " + label + " on shape " + shape);
                }
            }
        }
        assertThat(collisions).as(file + ": colliding labels").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void boundaryEventsSitOnTheBorderOfTheirTask(String file) {
        BpmnModelInstance model = read(file);
        Map<String, BpmnShape> shapes = shapes(model);
        List<String> loose = new ArrayList<>();
        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            Bounds e = shapes.get(event.getId()).getBounds();
            Bounds host = shapes.get(event.getAttachedTo().getId()).getBounds();
            double cx = e.getX() + e.getWidth() / 2;
            double cy = e.getY() + e.getHeight() / 2;
            boolean onHorizontalBorder = cx >= host.getX() && cx <= host.getX() + host.getWidth()
                    && (Math.abs(cy - host.getY()) <= 1 || Math.abs(cy - host.getY() - host.getHeight()) <= 1);
            boolean onVerticalBorder = cy >= host.getY() && cy <= host.getY() + host.getHeight()
                    && (Math.abs(cx - host.getX()) <= 1 || Math.abs(cx - host.getX() - host.getWidth()) <= 1);
            if (!onHorizontalBorder && !onVerticalBorder) {
                loose.add(event.getId() + " is not on the border of " + event.getAttachedTo().getId());
            }
        }
        assertThat(loose).as(file + ": boundary events").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyFlowNodeLiesInExactlyOneLaneOfItsGroup(String file) {
        BpmnModelInstance model = read(file);
        Collection<Lane> lanes = model.getModelElementsByType(Lane.class);
        if (lanes.isEmpty()) {
            return; // a process without lanes: nothing to check
        }
        Map<String, BpmnShape> shapes = shapes(model);
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            for (FlowNode node : process.getChildElementsByType(FlowNode.class)) {
                List<Lane> in = lanes.stream().filter(l -> l.getFlowNodeRefs().contains(node)).toList();
                if (in.size() != 1) {
                    problems.add(node.getId() + " is in " + in.size() + " lanes");
                    continue;
                }
                Lane lane = in.get(0);
                Box laneBox = Box.of(lane.getId(), shapes.get(lane.getId()).getBounds());
                if (!laneBox.contains(Box.of(node.getId(), shapes.get(node.getId()).getBounds()))) {
                    problems.add(node.getId() + " is drawn outside its lane " + lane.getId());
                }
                Matcher group = LANE_GROUP.matcher(lane.getName() == null ? "" : lane.getName());
                if (node instanceof UserTask task && task.getCamundaCandidateGroups() != null
                        && !task.getCamundaCandidateGroups().contains("${") && group.find()
                        && !task.getCamundaCandidateGroupsList().contains(group.group(1))) {
                    problems.add(node.getId() + " (candidate group " + task.getCamundaCandidateGroups()
                            + ") is in the lane of " + group.group(1));
                }
            }
        }
        assertThat(problems).as(file + ": lanes").isEmpty();
    }

    @Test
    void theRegulatorReferralHasALanePerActingGroup() {
        BpmnModelInstance model = read("regulator-referral.bpmn");
        List<String> groups = new ArrayList<>();
        for (Lane lane : model.getModelElementsByType(Lane.class)) {
            Matcher group = LANE_GROUP.matcher(lane.getName());
            assertThat(group.find()).as(lane.getId() + " names its candidate group").isTrue();
            groups.add(group.group(1));
        }
        List<String> acting = model.getModelElementsByType(UserTask.class).stream()
                .flatMap(t -> t.getCamundaCandidateGroupsList().stream()).distinct().sorted().toList();
        assertThat(groups).as("one lane per group that acts in the referral").containsExactlyInAnyOrderElementsOf(acting);
    }
}
