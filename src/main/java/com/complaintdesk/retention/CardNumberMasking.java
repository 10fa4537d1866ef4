package com.complaintdesk.retention;

import com.complaintdesk.referral.ReferralVariables;
import com.complaintdesk.complaint.CardNumberMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.variable.serializer.StringValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

/**
 * Masks card numbers in everything the engine stores, whoever sets it: a task completion in Tasklist or through
 * {@code /engine-rest} (complete, submit-form), a start form, a message from an integrator, our own code.
 * <ul>
 * <li>Every string variable is masked as it is written (runtime {@code ACT_RU_VARIABLE}; the history's variable
 * updates and instances copy the written value): a serializer that masks, ahead of the engine's own string
 * serializer. Values are read back by the engine's serializer, as before.</li>
 * <li>A form submit also records each submitted field in the history ({@code ACT_HI_DETAIL}, type FormProperty)
 * with the raw value: a history event handler masks those, and the variable updates again, before the engine's
 * database handler writes them.</li>
 * </ul>
 * The regulator's reference is kept as given (it is the regulator's identifier, matched as it is written), as it is
 * in our tables. Only public configuration of the engine is used: a pre-serializer and a history event handler, as
 * any plugin registers them.
 */
@Component
class CardNumberMasking extends AbstractProcessEnginePlugin {

    /** Variables stored as given: identifiers of others that only look like card numbers. */
    static final Set<String> KEPT_AS_GIVEN = Set.of(ReferralVariables.REGULATOR_REFERENCE.name());

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> serializers = new ArrayList<>();
        serializers.add(new MaskingStringSerializer());
        if (configuration.getCustomPreVariableSerializers() != null) {
            serializers.addAll(configuration.getCustomPreVariableSerializers());
        }
        configuration.setCustomPreVariableSerializers(serializers);

        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new MaskingHistoryEventHandler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    static String mask(String variableName, String value) {
        return KEPT_AS_GIVEN.contains(variableName) ? value : CardNumberMasker.mask(value);
    }

    /** The engine's string serializer (same name, same columns) writing the masked text. */
    static final class MaskingStringSerializer extends StringValueSerializer {

        @Override
        public void writeValue(StringValue value, ValueFields fields) {
            String text = value.getValue();
            String masked = mask(fields.getName(), text);
            super.writeValue(masked == null || masked.equals(text) ? value : Variables.stringValue(masked, value.isTransient()), fields);
        }
    }

    /**
     * Runs before the engine's database handler (the custom handlers come first, and nothing is written before the
     * command ends): masks the form fields a submit records and, again, string variable updates.
     */
    static final class MaskingHistoryEventHandler implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricFormPropertyEventEntity field && field.getPropertyValue() instanceof String text) {
                field.setPropertyValue(mask(field.getPropertyId(), text));
            } else if (event instanceof HistoricVariableUpdateEventEntity update) {
                update.setTextValue(mask(update.getVariableName(), update.getTextValue()));
                update.setTextValue2(mask(update.getVariableName(), update.getTextValue2()));
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
