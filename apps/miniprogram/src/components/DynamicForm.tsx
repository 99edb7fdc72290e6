import { Button, Text, View } from '@tarojs/components';
import { env } from '../env';
import { ChipGroup } from './ChipGroup';
import { DateField } from './DateField';
import { FormRow } from './FormRow';
import { TextField } from './TextField';
import type { DynamicForm as Form } from '../hooks/useDynamicForm';
import type { FieldOverrides, FieldSpec, FormValues } from '../forms/schema-fields';
import { emptyValues } from '../forms/schema-fields';

export interface DynamicFormProps {
  /** Ids are `<idPrefix>-<field>` and, in a list, `<idPrefix>-<list>-<row>-<field>`. */
  idPrefix: string;
  fields: readonly FieldSpec[];
  form: Form;
  overrides?: FieldOverrides;
  disabled?: boolean;
}

/** Renders every field of a described schema with the control its type calls for. */
export function DynamicForm({
  idPrefix,
  fields,
  form,
  overrides = {},
  disabled,
}: DynamicFormProps) {
  return (
    <View className="dynamic-form">
      {fields.map((f) => {
        const o = overrides[f.name];
        if (o?.visible && !o.visible(form.values)) return null;
        return (
          <FieldControl
            key={f.name}
            spec={o?.optionsFrom ? { ...f, options: o.optionsFrom(form.values) } : f}
            path={f.name}
            id={`${idPrefix}-${f.name}`}
            idPrefix={idPrefix}
            values={form.values}
            form={form}
            hint={o?.hint}
            placeholder={o?.placeholder}
            disabled={disabled}
          />
        );
      })}
    </View>
  );
}

interface ControlProps {
  spec: FieldSpec;
  path: string;
  id: string;
  idPrefix: string;
  values: FormValues;
  form: Form;
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

  switch (spec.kind) {
    case 'group-list':
      return <GroupList {...props} rows={(value as FormValues[] | undefined) ?? []} />;
    case 'choice':
    case 'multi-choice': {
      const multiple = spec.kind === 'multi-choice';
      const chosen = multiple
        ? ((value as string[] | undefined) ?? [])
        : value
          ? [value as string]
          : [];
      return (
        <FormRow
          id={id}
          label={spec.title}
          required={required && !multiple}
          hint={hint}
          error={error}
        >
          <ChipGroup
            id={id}
            chipIdPrefix={id}
            options={spec.options}
            value={chosen}
            multiple={multiple}
            small={spec.options.length > 4}
            onChange={(codes) => {
              if (props.disabled) return;
              // Tapping the chosen chip of an optional single choice clears it.
              if (!multiple)
                form.choose(path, codes[0] === chosen[0] && spec.optional ? '' : (codes[0] ?? ''));
              else form.choose(path, codes);
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
          type={inputType(spec)}
          multiline={spec.kind === 'textarea' || spec.kind === 'text-list'}
          maxlength={
            spec.maxLength ?? (spec.kind === 'textarea' || spec.kind === 'text-list' ? 2000 : 100)
          }
          onChange={(v) => form.set(path, v)}
          onBlur={() => form.touch(path)}
        />
      );
    }
  }
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

/** Repeated rows (e.g. each payment of a technology contract): add and remove. */
function GroupList(props: ControlProps & { rows: FormValues[] }) {
  const { spec, path, id, form, rows } = props;
  const error = form.errors[path];
  return (
    <View className="group-list" id={id}>
      <View className="group-list__title">
        <Text>{spec.title}</Text>
        {spec.description ? <View className="form-row__hint">{spec.description}</View> : null}
      </View>
      {rows.map((row, i) => (
        <View className="group-list__row" key={i} id={`${id}-${i}`}>
          <View className="group-list__row-head">
            <Text>第 {i + 1} 项</Text>
            {rows.length > 1 && !props.disabled ? (
              <Text
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
        <View className="form-row__error" id={`${id}-error`}>
          {error}
        </View>
      ) : null}
      {!props.disabled ? (
        <Button
          id={`${id}-add`}
          className="btn btn--ghost btn--small"
          onClick={() => form.choose(path, [...rows, emptyValues(spec.item)])}
        >
          + 添加一项
        </Button>
      ) : null}
    </View>
  );
}
