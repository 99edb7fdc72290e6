import { env } from '../env';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatBytes } from '../format';
import { toast } from '../services/nav';
import {
  type FileSource,
  UploadError,
  pickFiles,
  uploadFile,
  uploadHintText,
} from '../services/upload';
import { EvidenceReference } from './EvidenceReference';
import { pressable } from './a11y';
import type { EvidenceChoice, EvidenceItem } from './evidence-items';
import { isReference, itemKey, referenceItem } from './evidence-items';

export type { EvidenceChoice, EvidenceItem, EvidenceOffer } from './evidence-items';

export interface EvidenceRequirementView {
  kind: string;
  name: string;
  required: boolean;
  note?: string | undefined;
}

interface Progress {
  name: string;
  percent: number;
}

const IS_WEAPP = env.platform === 'weapp';

/**
 * 申报材料: one row per document the guide asks for. Photos come from the camera or album;
 * PDFs and Office files from a WeChat chat (chooseMessageFile), where such files usually are.
 * Each upload shows its progress; a refusal (too large, wrong type) says why under the row.
 * Where the organisation's 资料库 or registered account can supply a document (`choices`), the
 * row offers it instead of an upload, and an upload of such a document may be saved to the
 * library (`onSaveToLibrary`).
 */
export function EvidenceUploader(props: {
  requirements: readonly EvidenceRequirementView[];
  items: readonly EvidenceItem[];
  /** Uploads finish in any order: changes come as updates of the latest list. */
  onChange: (update: (items: EvidenceItem[]) => EvidenceItem[]) => void;
  /** Server or missing-evidence messages for the whole section. */
  error?: string | undefined;
  missingKinds?: readonly string[];
  disabled?: boolean;
  choices?: Partial<Record<string, EvidenceChoice>>;
  /** Kinds whose upload may also go to the 资料库, and how. */
  savableKinds?: readonly string[];
  onSaveToLibrary?: (kind: string, fileId: string) => Promise<void>;
}) {
  const [progress, setProgress] = useState<Partial<Record<string, Progress>>>({});
  const [rowErrors, setRowErrors] = useState<Partial<Record<string, string>>>({});
  const [saved, setSaved] = useState<readonly string[]>([]);

  const add = async (kind: string, source: FileSource) => {
    if (progress[kind]) return;
    const picked = await pickFiles(source);
    if (picked.length === 0) return;
    setRowErrors((prev) => ({ ...prev, [kind]: undefined }));
    const added: EvidenceItem[] = [];
    for (const file of picked) {
      setProgress((prev) => ({ ...prev, [kind]: { name: file.name, percent: 0 } }));
      try {
        const uploaded = await uploadFile(file, (percent) =>
          setProgress((prev) => ({ ...prev, [kind]: { name: file.name, percent } })),
        );
        // The server keeps identical content once: the same document cannot count twice.
        const reused = props.items.find((i) => i.fileId === uploaded.id);
        if (reused) {
          const message =
            reused.kind === kind
              ? `“${file.name}”已上传过`
              : `“${file.name}”与已上传的“${reused.name}”是同一文件，请上传对应的材料`;
          setRowErrors((prev) => ({ ...prev, [kind]: message }));
          continue;
        }
        added.push({
          kind,
          source: 'upload',
          ref: { kind, fileId: uploaded.id },
          fileId: uploaded.id,
          name: uploaded.originalName ?? file.name,
          sizeBytes: uploaded.sizeBytes,
        });
      } catch (error) {
        const message = error instanceof UploadError ? error.message : '上传失败，请检查网络后重试';
        setRowErrors((prev) => ({ ...prev, [kind]: message }));
        void toast(message);
      }
    }
    setProgress((prev) => ({ ...prev, [kind]: undefined }));
    if (added.length) props.onChange((items) => [...items, ...added]);
  };

  const remove = (item: EvidenceItem) =>
    props.onChange((items) => items.filter((i) => itemKey(i) !== itemKey(item)));

  /**
   * A reference replaces the kind's uploads; uploading instead drops the reference. The system's
   * evidence (免申即享, no ref) is the server's to keep and stays either way.
   */
  const chooseReference = (kind: string, use: boolean) => {
    const offer = props.choices?.[kind]?.offer;
    props.onChange((items) => {
      const others = items.filter(
        (i) => i.kind !== kind || i.ref === null || !(isReference(i) || use),
      );
      return use && offer ? [...others, referenceItem(kind, offer)] : others;
    });
  };

  const save = async (kind: string, fileId: string) => {
    if (!props.onSaveToLibrary) return;
    try {
      await props.onSaveToLibrary(kind, fileId);
      setSaved((prev) => [...prev, fileId]);
    } catch (error) {
      setRowErrors((prev) => ({ ...prev, [kind]: (error as Error).message }));
    }
  };

  return (
    <View className="evidence" id="evidence">
      {props.requirements.map((req) => {
        const files = props.items.filter((i) => i.kind === req.kind);
        const referenced = files.find(isReference);
        const uploads = files.filter((i) => !isReference(i));
        const running = progress[req.kind];
        const missing = props.missingKinds?.includes(req.kind) && files.length === 0;
        const choice = props.choices?.[req.kind];
        const savable = props.savableKinds?.includes(req.kind) && props.onSaveToLibrary;
        return (
          <View
            key={req.kind}
            id={`evidence-${req.kind}`}
            className={missing ? 'evidence__row evidence__row--missing' : 'evidence__row'}
          >
            <View className="evidence__head">
              <Text className="evidence__name">{req.name}</Text>
              <Text className={req.required ? 'badge badge--required' : 'badge'}>
                {req.required ? '必需' : '选交'}
              </Text>
            </View>
            {req.note ? <View className="form-row__hint">{req.note}</View> : null}
            <EvidenceReference
              kind={req.kind}
              choice={choice}
              referenced={referenced}
              disabled={props.disabled}
              onUse={(use) => chooseReference(req.kind, use)}
            />
            {referenced
              ? null
              : uploads.map((f) => (
                  <View
                    key={itemKey(f)}
                    className="evidence__file"
                    id={`evidence-file-${itemKey(f)}`}
                  >
                    <Text className="evidence__file-name">{f.name}</Text>
                    {f.sizeBytes !== null ? (
                      <Text className="muted evidence__file-size">{formatBytes(f.sizeBytes)}</Text>
                    ) : null}
                    {savable && f.fileId && f.source === 'upload' && !props.disabled ? (
                      saved.includes(f.fileId) ? (
                        <Text className="muted evidence__file-size">已存入资料库</Text>
                      ) : (
                        <Text
                          {...pressable()}
                          aria-label={`存入资料库：${f.name}`}
                          className="link evidence__file-size"
                          id={`evidence-save-${f.fileId}`}
                          onClick={() => void save(req.kind, f.fileId ?? '')}
                        >
                          存入资料库
                        </Text>
                      )
                    ) : null}
                    {!props.disabled && f.ref ? (
                      <Text
                        {...pressable()}
                        aria-label={`删除：${f.name}`}
                        className="link link--danger"
                        id={`evidence-remove-${itemKey(f)}`}
                        onClick={() => remove(f)}
                      >
                        删除
                      </Text>
                    ) : null}
                  </View>
                ))}
            {running ? (
              <View
                className="progress"
                id={`evidence-${req.kind}-progress`}
                role="progressbar"
                aria-valuenow={running.percent}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-label={`正在上传 ${running.name}`}
              >
                <View className="progress__label">
                  正在上传 {running.name} · {running.percent}%
                </View>
                <View className="progress__track">
                  <View className="progress__bar" style={{ width: `${running.percent}%` }} />
                </View>
              </View>
            ) : null}
            {rowErrors[req.kind] ? (
              <View className="form-row__error" id={`evidence-${req.kind}-error`} role="alert">
                {rowErrors[req.kind]}
              </View>
            ) : null}
            {!props.disabled && !referenced ? (
              <View className="evidence__actions">
                <Button
                  id={`evidence-${req.kind}-media`}
                  // Every row has these two buttons: the name says which document they add.
                  aria-label={`${req.name}：拍照/相册`}
                  className="btn btn--ghost btn--small btn--inline"
                  disabled={running ? true : undefined}
                  onClick={() => void add(req.kind, 'media')}
                >
                  拍照/相册
                </Button>
                <Button
                  id={`evidence-${req.kind}-chat`}
                  aria-label={`${req.name}：${IS_WEAPP ? '微信聊天文件' : '选择文件'}`}
                  className="btn btn--ghost btn--small btn--inline"
                  disabled={running ? true : undefined}
                  onClick={() => void add(req.kind, 'chat')}
                >
                  {IS_WEAPP ? '微信聊天文件' : '选择文件'}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
      {props.error ? (
        <View className="form-row__error" id="evidence-error">
          {props.error}
        </View>
      ) : null}
      <View className="form-row__hint">{uploadHintText()}</View>
    </View>
  );
}
