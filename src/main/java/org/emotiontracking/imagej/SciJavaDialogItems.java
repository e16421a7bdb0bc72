package org.emotiontracking.imagej;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModuleItem;
import org.scijava.module.DefaultMutableModuleItem;
import org.scijava.module.ModuleItem;
import org.scijava.module.MutableModuleInfo;
import org.scijava.module.MutableModuleItem;
import org.scijava.util.Types;
import org.scijava.widget.Button;

/**
 * What SciJava's dialog (the input harvester Fiji shows) lists for an {@link EmotionCommand}, set on
 * the command's own module info once ({@link EmotionCommand#getInfo()}):
 * <ul>
 * <li>a text input for which {@link EmotionCommand#choices(String)} has a list becomes a choice list
 * whose items are asked of the command each time the dialog reads them (it does so whenever any input
 * changes), so a list can follow another input: Grad-CAM's target lists the classes of the model
 * chosen. A value that is none of the items (a detector path from a macro or an earlier run) is added
 * at the end, so the dialog shows it instead of replacing it by the first item;</li>
 * <li>the order of {@link InputOrder} (as in ImageJ 1.x's dialog and the recorded line): the command's
 * keys, then the face-detection keys, then the Help button.</li>
 * </ul>
 * The command's {@code CommandInfo} (read by the ImageJ 1.x bridge, {@link CommandInputs}) is left as
 * the annotations make it.
 */
final class SciJavaDialogItems {

	private SciJavaDialogItems() {}

	/**
	 * Replaces the items with lists by {@link LiveChoices}, puts the inputs in the dialog's order and
	 * gives each input the default of the command's field ({@code declared}: the command's CommandInfo).
	 * The copies SciJava's DynamicCommandInfo makes have none, and SciJava then replaces a value that
	 * is zero by the widget minimum (margin 0 would become -0.45).
	 */
	static void arrange(final EmotionCommand<?> command, final MutableModuleInfo info, final CommandInfo declared) {
		final Object fresh = fresh(declared);
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) items.add(item);
		for (final ModuleItem<?> item : items) info.removeInput(item);
		items.sort(InputOrder.of(command.newSettings().getClass(), ModuleItem::getName, item -> Button.class
			.isAssignableFrom(item.getType())));
		for (final ModuleItem<?> item : items) {
			final boolean text = item.getType() == String.class;
			final ModuleItem<?> shown = text && command.choices(item.getName()) != null ? new LiveChoices(info, cast(
				item), command) : item;
			final ModuleItem<?> field = declared.getInput(item.getName());
			if (shown instanceof MutableModuleItem && field instanceof CommandModuleItem) setDefault(
				(MutableModuleItem<?>) shown, ((CommandModuleItem<?>) field).getField(), fresh);
			info.addInput(shown);
		}
	}

	/** A new instance of the command, whose fields hold their initial values. */
	private static Object fresh(final CommandInfo declared) {
		try {
			return declared.loadDelegateClass().getConstructor().newInstance();
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("Cannot create " + declared.getDelegateClassName(), e);
		}
	}

	private static <T> void setDefault(final MutableModuleItem<T> item, final Field field, final Object fresh) {
		try {
			field.setAccessible(true);
			item.setDefaultValue(Types.cast(field.get(fresh), Types.box(item.getType())));
		}
		catch (final IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

	@SuppressWarnings("unchecked")
	private static ModuleItem<String> cast(final ModuleItem<?> item) {
		return (ModuleItem<String>) item;
	}

	/** A text input whose choices are the command's current ones, plus its value if that is none of them. */
	static final class LiveChoices extends DefaultMutableModuleItem<String> {

		private final EmotionCommand<?> command;

		LiveChoices(final MutableModuleInfo info, final ModuleItem<String> item, final EmotionCommand<?> command) {
			super(info, item);
			this.command = command;
		}

		@Override
		public List<String> getChoices() {
			final List<String> listed = command.choices(getName());
			final List<String> out = new ArrayList<>(listed == null ? List.of() : listed);
			final Object value = getValue(command);
			if (value instanceof String && !((String) value).isEmpty() && !out.contains(value)) out.add((String) value);
			return out;
		}
	}
}
