import { env } from '../env';
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatBytes } from '../format';
import { toast } from '../services/nav';
import { type FileSource, UploadError, pickFiles, uploadFile } from '../services/upload';

export interface EvidenceRequirementView {
  kind: string;
  name: string;
  required: boolean;
  note?: string | undefined;
}

export interface EvidenceItem {
  fileId: string;
  kind: string;
  name: string;
  sizeBytes: number;
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
}) {
  const [progress, setProgress] = useState<Partial<Record<string, Progress>>>({});
  const [rowErrors, setRowErrors] = useState<Partial<Record<string, string>>>({});

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
          fileId: uploaded.id,
          kind,
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

  const remove = (fileId: string, kind: string) =>
    props.onChange((items) => items.filter((i) => !(i.fileId === fileId && i.kind === kind)));

  return (
    <View className="evidence" id="evidence">
      {props.requirements.map((req) => {
        const files = props.items.filter((i) => i.kind === req.kind);
        const running = progress[req.kind];
        const missing = props.missingKinds?.includes(req.kind) && files.length === 0;
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
            {files.map((f) => (
              <View key={f.fileId} className="evidence__file" id={`evidence-file-${f.fileId}`}>
                <Text className="evidence__file-name">{f.name}</Text>
                <Text className="muted evidence__file-size">{formatBytes(f.sizeBytes)}</Text>
                {!props.disabled ? (
                  <Text
                    className="link link--danger"
                    id={`evidence-remove-${f.fileId}`}
                    onClick={() => remove(f.fileId, req.kind)}
                  >
                    删除
                  </Text>
                ) : null}
              </View>
            ))}
            {running ? (
              <View className="progress" id={`evidence-${req.kind}-progress`}>
                <View className="progress__label">
                  正在上传 {running.name} · {running.percent}%
                </View>
                <View className="progress__track">
                  <View className="progress__bar" style={{ width: `${running.percent}%` }} />
                </View>
              </View>
            ) : null}
            {rowErrors[req.kind] ? (
              <View className="form-row__error" id={`evidence-${req.kind}-error`}>
                {rowErrors[req.kind]}
              </View>
            ) : null}
            {!props.disabled ? (
              <View className="evidence__actions">
                <Button
                  id={`evidence-${req.kind}-media`}
                  className="btn btn--ghost btn--small btn--inline"
                  disabled={running ? true : undefined}
                  onClick={() => void add(req.kind, 'media')}
                >
                  拍照/相册
                </Button>
                <Button
                  id={`evidence-${req.kind}-chat`}
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
      <View className="form-row__hint">
        支持 PDF、图片（JPG、PNG、HEIC）及 Word、Excel 文档，单个文件不超过规定大小
      </View>
    </View>
  );
}
