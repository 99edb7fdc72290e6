import { Button, Text, View } from '@tarojs/components';
import { ALLIANCE_MAX_MEMBERS, ALLIANCE_MIN_MEMBERS, organisationTypeName } from '@kc/domain';
import { useState } from 'react';
import { describeError } from '../../../api/errors';
import { pressable } from '../../../components/a11y';
import { ChipGroup } from '../../../components/ChipGroup';
import { FormRow } from '../../../components/FormRow';
import { TextField } from '../../../components/TextField';
import type { FormValues } from '../../../forms/schema-fields';
import { leaveIfLoggedOut } from '../../../services/nav';
import {
  type MemberUnit,
  UNIT_TYPE_OPTIONS,
  namedMember,
  registeredMember,
  unitsToOffer,
} from '../data';

const text = (row: FormValues, key: string) => (typeof row[key] === 'string' ? row[key] : '');

/**
 * 成员单位: the units besides the lead firm, each either a verified organisation found on the
 * platform by a part of its name (added as the platform names it) or a unit typed with its
 * type. Each row says what the domain schema finds wrong with it (a unit twice, the lead firm
 * itself) under it; the list's own limits (2 to 50) under the list.
 */
export function MemberEditor(props: {
  id: string;
  rows: readonly FormValues[];
  /** The list's own error (too few, too many). */
  error: string | undefined;
  rowError: (index: number) => string | undefined;
  onChange: (rows: FormValues[], changedRow?: number) => void;
  search: (q: string) => Promise<MemberUnit[]>;
}) {
  const { id, rows } = props;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<MemberUnit[] | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const [searching, setSearching] = useState(false);
  const [newName, setNewName] = useState('');
  const [newType, setNewType] = useState<string>('');
  const [newError, setNewError] = useState<string | undefined>();
  const full = rows.length >= ALLIANCE_MAX_MEMBERS;

  const add = (row: FormValues) => props.onChange([...rows, row], rows.length);
  const remove = (index: number) => props.onChange(rows.filter((_, i) => i !== index));

  const search = async () => {
    const q = query.trim();
    if ([...q].length < 2) {
      setSearchError('请至少输入2个字');
      return;
    }
    setSearchError(undefined);
    setSearching(true);
    try {
      setFound(await props.search(q));
    } catch (error) {
      if (!leaveIfLoggedOut(error)) setSearchError(describeError(error).message);
    } finally {
      setSearching(false);
    }
  };

  const addNamed = () => {
    if (!newName.trim()) return setNewError('请填写成员单位名称');
    if (!newType) return setNewError('请选择单位类型');
    setNewError(undefined);
    add(namedMember(newName, newType));
    setNewName('');
    setNewType('');
  };

  const offered = found ? unitsToOffer(found, rows) : [];
  return (
    <View className="card" id={id}>
      <FormRow
        id={`${id}-list`}
        label="成员单位"
        required
        hint={`除牵头单位外至少${ALLIANCE_MIN_MEMBERS}家、至多${ALLIANCE_MAX_MEMBERS}家`}
        error={props.error}
      >
        <View id={`${id}-count`} className="muted">
          已添加 {rows.length} 家
        </View>
        {rows.map((row, i) => (
          <View key={i} className="alliance-member" id={`${id}-${i}`}>
            <View className="alliance-member__main">
              <Text className="alliance-member__name" id={`${id}-${i}-name`}>
                {text(row, 'name')}
              </Text>
              <Text className="muted alliance-member__type">
                {organisationTypeName(text(row, 'unitType'))}
                {text(row, 'organisationId') ? ' · 平台认证单位' : ''}
              </Text>
            </View>
            <Text
              {...pressable()}
              aria-label={`删除：${text(row, 'name')}`}
              className="link link--danger"
              id={`${id}-${i}-remove`}
              onClick={() => remove(i)}
            >
              删除
            </Text>
            {props.rowError(i) ? (
              <View className="form-row__error" id={`${id}-${i}-error`} role="alert">
                {props.rowError(i)}
              </View>
            ) : null}
          </View>
        ))}
      </FormRow>

      {full ? (
        <View className="notice" id={`${id}-full`}>
          成员单位已达{ALLIANCE_MAX_MEMBERS}家上限
        </View>
      ) : (
        <View>
          <TextField
            id={`${id}-search`}
            label="搜索平台上的单位"
            value={query}
            placeholder="输入单位名称中的2个字以上"
            hint="已在平台注册并通过认证的单位，按注册名称添加"
            maxlength={50}
            error={searchError}
            onChange={setQuery}
          />
          <Button
            id={`${id}-search-go`}
            className="btn btn--ghost btn--small"
            loading={searching}
            onClick={() => void search()}
          >
            搜索
          </Button>
          {found && offered.length === 0 ? (
            <View className="muted" id={`${id}-found-none`}>
              没有找到可添加的认证单位，可在下方直接填写单位名称
            </View>
          ) : null}
          {offered.map((u) => (
            <View
              key={u.id}
              {...pressable('button')}
              className="list-item"
              id={`${id}-unit-${u.id}`}
              onClick={() => add(registeredMember(u))}
            >
              <View className="list-item__main">
                <View className="list-item__title">{u.name}</View>
                <View className="list-item__meta">
                  {u.typeName} · {u.areaName}
                </View>
              </View>
              <View className="link">添加</View>
            </View>
          ))}

          <TextField
            id={`${id}-new-name`}
            label="或直接填写单位名称"
            value={newName}
            placeholder="未在平台注册的单位，如市外高校"
            maxlength={100}
            onChange={setNewName}
          />
          <FormRow id={`${id}-new-type`} label="单位类型" required error={newError}>
            <ChipGroup
              id={`${id}-new-type`}
              chipIdPrefix={`${id}-new-type`}
              options={UNIT_TYPE_OPTIONS}
              value={newType ? [newType] : []}
              onChange={(codes) => setNewType(codes[0] ?? '')}
            />
          </FormRow>
          <Button id={`${id}-add`} className="btn btn--ghost btn--small" onClick={addNamed}>
            添加成员单位
          </Button>
        </View>
      )}
    </View>
  );
}
