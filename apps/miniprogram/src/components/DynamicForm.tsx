import { Button, Text, View } from '@tarojs/components';
import { env } from '../env';
import { ChipGroup } from './ChipGroup';
import { pressable } from './a11y';
import { DateField } from './DateField';
import { FormRow } from './FormRow';
import { TextField } from './TextField';
import type { DynamicForm as Form } from '../hooks/useDynamicForm';
import type {
  FieldOverride,
  FieldOverrides,
  FieldSpec,
  FormSection,
  FormValues,
  RawValue,
} from '../forms/schema-fields';
import { controlId, emptyValues } from '../forms/schema-fields';

export interface DynamicFormProps {
  /** Ids are `<idPrefix>-<field>` and, in a list, `<idPrefix>-<list>-<row>-<field>`. */
  idPrefix: string;
  fields: readonly FieldSpec[];
  form: Form;
  overrides?: FieldOverrides;
  disabled?: boolean;
  /**
   * Cards, each with a title and its fields in screen order. Fields no section names follow in
   * a last card, so a field added to the schema is never silently left off the form.
   */
  sections?: readonly FormSection[];
}

/** Renders every field of a described schema with the control its type calls for. */
export function DynamicForm(props: DynamicFormProps) {
  const { fields, sections } = props;
  if (!sections) {
    return <View className="dynamic-form">{fields.map((f) => fieldControl(props, f))}</View>;
  }
  const byName = new Map(fields.map((f) => [f.name, f]));
  const placed = new Set(sections.flatMap((s) => s.fields));
  const rest = fields.filter((f) => !placed.has(f.name));
  const cards = rest.length ? [...sections, { fields: rest.map((f) => f.name) }] : sections;
  return (
    <View className="dynamic-form">
      {cards.map((section, i) => {
        const controls = section.fields
          .map((name) => byName.get(name))
          .map((f) => (f ? fieldControl(props, f) : null))
          .filter(Boolean);
        if (!controls.length) return null;
        return (
          <View className="card" key={section.title ?? i}>
            {section.title ? <View className="card__title">{section.title}</View> : null}
            {controls}
          </View>
        );
      })}
    </View>
  );
}

/** One field's control, or null when its override hides it for the current values. */
function fieldControl(props: DynamicFormProps, f: FieldSpec) {
  const { idPrefix, form, overrides = {}, disabled } = props;
  const o = overrides[f.name];
  if (o?.visible && !o.visible(form.values)) return null;
  return (
    <FieldControl
      key={f.name}
      spec={o?.optionsFrom ? { ...f, options: o.optionsFrom(form.values) } : f}
      path={f.name}
      id={controlId(idPrefix, f.name, overrides)}
      idPrefix={idPrefix}
      values={form.values}
      form={form}
      override={o}
      hint={o?.hint}
      placeholder={o?.placeholder}
      disabled={disabled}
    />
  );
}

interface ControlProps {
  spec: FieldSpec;
  path: string;
  id: string;
  idPrefix: string;
  values: FormValues;
  form: Form;
  override?: FieldOverride | undefined;
  hint?: string | undefined;
  placeholder?: string | undefined;
  disabled?: boolean | undefined;
}

function FieldControl(props: ControlProps) {
  const { spec, path, id, values, form } = props;
  const value = values[spec.name];
  const error = form.errors[path];
  const hint = props.hint ?? spec.description ?? undefined;
  const required = !spec.optional;
  const o = props.override;
  const choose = (next: RawValue) => {
    form.choose(path, next);
    // Dependent fields (sub-fields of a dropped field) follow, at the same level of the form.
    const also = o?.alsoSet?.(next, { ...values, [spec.name]: next });
    for (const [name, v] of Object.entries(also ?? {})) form.set(siblingPath(path, name), v);
  };

  if (o?.render) {
    return o.render({
      spec,
      id,
      value,
      error,
      hint,
      placeholder: props.placeholder,
      required,
      choose,
      set: (next) => form.set(path, next),
      touch: () => form.touch(path),
    });
  }

  switch (spec.kind) {
    case 'group-list':
      return <GroupList {...props} rows={(value as FormValues[] | undefined) ?? []} />;
    case 'text-rows':
      return <TextRows {...props} hint={hint} rows={(value as string[] | undefined) ?? []} />;
    case 'choice':
    case 'multi-choice': {
      const multiple = spec.kind === 'multi-choice';
      const chosen = multiple
        ? ((value as string[] | undefined) ?? [])
        : value
          ? [value as string]
          : [];
      return (
        <FormRow id={id} label={spec.title} required={required} hint={hint} error={error}>
          <ChipGroup
            id={id}
            chipIdPrefix={o?.chipId ? `${props.idPrefix}-${o.chipId}` : id}
            options={spec.options}
            value={chosen}
            multiple={multiple}
            max={o?.max}
            small={o?.small ?? spec.options.length > 4}
            onChange={(codes) => {
              if (props.disabled) return;
              // Tapping the chosen chip of an optional single choice clears it.
              if (!multiple)
                choose(codes[0] === chosen[0] && spec.optional ? '' : (codes[0] ?? ''));
              else choose(codes);
            }}
          />
        </FormRow>
      );
    }
    case 'date':
    case 'month':
      return (
        <DateField
          id={id}
          fields={spec.kind === 'month' ? 'month' : 'day'}
          label={spec.title}
          required={required}
          hint={hint}
          error={error}
          value={(value as string | undefined) ?? ''}
          onChange={(v) => form.set(path, v)}
          onBlur={() => form.touch(path)}
        />
      );
    default: {
      const text = (value as string | undefined) ?? '';
      return (
        <TextField
          id={id}
          label={spec.kind === 'money' ? `${spec.title}（元）` : spec.title}
          required={required}
          hint={spec.kind === 'text-list' ? (hint ?? '每行填写一个') : hint}
          error={error}
          value={text}
          placeholder={props.placeholder ?? placeholderOf(spec)}
          type={o?.inputType ?? inputType(spec)}
          multiline={spec.kind === 'textarea' || spec.kind === 'text-list'}
          maxlength={
            o?.maxLength ??
            // A text-list's maxLength is one item's; the box holds many.
            (spec.kind === 'text-list'
              ? 2000
              : (spec.maxLength ?? (spec.kind === 'textarea' ? 2000 : 100)))
          }
          onChange={(v) => form.set(path, v)}
          onBlur={() => form.touch(path)}
        />
      );
    }
  }
}

/** `payments.0.amount` + `voucherNo` → `payments.0.voucherNo`; a top-level name stays itself. */
function siblingPath(path: string, name: string): string {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? name : `${path.slice(0, cut + 1)}${name}`;
}

/** WeChat's digit keyboard for money; a browser's number box would refuse `1,200,000`. */
function inputType(spec: FieldSpec): 'text' | 'number' | 'digit' {
  if (spec.kind === 'money') return env.platform === 'weapp' ? 'digit' : 'text';
  return spec.kind === 'integer' ? 'number' : 'text';
}

function placeholderOf(spec: FieldSpec): string {
  if (spec.kind === 'money') return '单位：元，如 200000';
  if (spec.kind === 'integer') return '请输入整数';
  return spec.optional ? '选填' : `请填写${spec.title}`;
}

/**
 * Repeated rows (each payment of a technology contract, each member unit of a team): add and
 * remove. Row `i` is `<id>-<i>`, its 删除 `<id>-<i>-remove`; `<id>-add` adds one. An override may
 * let every row go (`min: 0`) and cap the rows (`max`).
 */
function GroupList(props: ControlProps & { rows: FormValues[] }) {
  const { spec, path, id, form, rows } = props;
  const error = form.errors[path];
  const hint = props.hint ?? spec.description;
  const min = props.override?.min ?? 1;
  const max = props.override?.max;
  const full = max !== undefined && rows.length >= max;
  return (
    <View className="group-list" id={id} role="group" aria-labelledby={`${id}-label`}>
      <View className="group-list__title">
        <Text id={`${id}-label`}>{spec.title}</Text>
        {hint ? (
          <View className="form-row__hint" id={`${id}-hint`}>
            {hint}
          </View>
        ) : null}
      </View>
      {rows.map((row, i) => (
        <View className="group-list__row" key={i} id={`${id}-${i}`}>
          <View className="group-list__row-head">
            <Text>第 {i + 1} 项</Text>
            {rows.length > min && !props.disabled ? (
              <Text
                {...pressable()}
                aria-label={`删除第 ${i + 1} 项`}
                className="link link--danger"
                id={`${id}-${i}-remove`}
                onClick={() =>
                  form.choose(
                    path,
                    rows.filter((_, j) => j !== i),
                  )
                }
              >
                删除
              </Text>
            ) : null}
          </View>
          {spec.item.map((f) => (
            <FieldControl
              key={f.name}
              spec={f}
              path={`${path}.${i}.${f.name}`}
              id={`${id}-${i}-${f.name}`}
              idPrefix={props.idPrefix}
              values={row}
              form={form}
              disabled={props.disabled}
            />
          ))}
        </View>
      ))}
      {error ? (
        <View className="form-row__error" id={`${id}-error`} role="alert">
          {error}
        </View>
      ) : null}
      {props.disabled ? null : full ? (
        <View className="form-row__hint" id={`${id}-full`}>
          最多填写 {max} 项
        </View>
      ) : (
        <Button
          id={`${id}-add`}
          className="btn btn--ghost btn--small"
          onClick={() => form.choose(path, [...rows, emptyValues(spec.item)])}
        >
          {props.override?.addLabel ?? '+ 添加一项'}
        </Button>
      )}
    </View>
  );
}

/**
 * A list of short texts, a box each (回避单位或人员): add one, remove any. Row `i` is
 * `<id>-<i>` with its error `<id>-<i>-error` and its 删除 `<id>-<i>-remove`; `<id>-add` adds one.
 */
function TextRows(props: ControlProps & { rows: string[] }) {
  const { spec, path, id, form, rows, hint } = props;
  const max = props.override?.max;
  const error = form.errors[path];
  const full = max !== undefined && rows.length >= max;
  const maxlength = props.override?.maxLength ?? spec.maxLength ?? 100;
  return (
    <View className="group-list" id={id} role="group" aria-labelledby={`${id}-label`}>
      <View className="group-list__title">
        <Text id={`${id}-label`}>{spec.title}</Text>
        {spec.optional ? (
          <Text className="form-row__optional">选填</Text>
        ) : (
          <Text className="form-row__required" aria-hidden="true">
            *
          </Text>
        )}
        {hint ? (
          <View className="form-row__hint" id={`${id}-hint`}>
            {hint}
          </View>
        ) : null}
      </View>
      {rows.map((row, i) => (
        <TextField
          key={i}
          id={`${id}-${i}`}
          label={`第 ${i + 1} 项`}
          required
          value={row}
          error={form.errors[`${path}.${i}`]}
          placeholder={props.placeholder ?? `请填写${spec.title}`}
          maxlength={maxlength}
          onChange={(v) =>
            form.set(
              path,
              rows.map((r, j) => (j === i ? v : r)),
            )
          }
          onBlur={() => form.touch(`${path}.${i}`)}
          addon={
            props.disabled ? null : (
              <View className="text-rows__actions">
                <Text
                  {...pressable()}
                  aria-label={`删除第 ${i + 1} 项${row.trim() ? `：${row.trim()}` : ''}`}
                  className="link link--danger"
                  id={`${id}-${i}-remove`}
                  onClick={() =>
                    form.choose(
                      path,
                      rows.filter((_, j) => j !== i),
                    )
                  }
                >
                  删除
                </Text>
              </View>
            )
          }
        />
      ))}
      {error ? (
        <View className="form-row__error" id={`${id}-error`} role="alert">
          {error}
        </View>
      ) : null}
      {props.disabled ? null : full ? (
        <View className="form-row__hint" id={`${id}-full`}>
          最多填写 {max} 项
        </View>
      ) : (
        <Button
          id={`${id}-add`}
          className="btn btn--ghost btn--small"
          onClick={() => form.choose(path, [...rows, ''])}
        >
          + 添加{spec.title}
        </Button>
      )}
    </View>
  );
}
