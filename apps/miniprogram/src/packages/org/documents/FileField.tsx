import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { env } from '../../../env';
import { FormRow } from '../../../components/FormRow';
import type { FieldControlContext } from '../../../forms/schema-fields';
import { formatBytes } from '../../../format';
import { type FileSource, UploadError, pickFiles, uploadFile } from '../../../services/upload';

/** Only what a licence or a signed letter is: a photo or a PDF (the server checks it again). */
function imageOrPdf(mimeType: string): boolean {
  return mimeType.startsWith('image/') || mimeType === 'application/pdf';
}

/**
 * The document's one file (fileId): a photo from the camera or album, or a PDF from a WeChat
 * chat. Shows the progress, then the file's name; the upload's refusal says why under it.
 */
export function FileField({ control }: { control: FieldControlContext }) {
  const [uploaded, setUploaded] = useState<{ name: string; size: number } | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const add = async (source: FileSource) => {
    if (percent !== null) return;
    const [file] = await pickFiles(source);
    if (!file) return;
    setError(null);
    setPercent(0);
    try {
      const result = await uploadFile(file, setPercent);
      if (!imageOrPdf(result.mimeType)) {
        setError('资料文件须为图片（JPG、PNG 等）或 PDF，请重新选择');
        return;
      }
      setUploaded({ name: result.originalName ?? file.name, size: result.sizeBytes });
      control.choose(result.id);
    } catch (e) {
      setError(e instanceof UploadError ? e.message : '上传失败，请检查网络后重试');
    } finally {
      setPercent(null);
    }
  };

  return (
    <FormRow
      label={control.spec.title}
      id={control.id}
      required
      hint="营业执照、信用承诺书等请拍照或上传 PDF"
      error={error ?? control.error}
    >
      {uploaded && control.value ? (
        <View className="evidence__file" id={`${control.id}-file`}>
          <Text className="evidence__file-name">{uploaded.name}</Text>
          <Text className="muted evidence__file-size">{formatBytes(uploaded.size)}</Text>
        </View>
      ) : null}
      {percent !== null ? (
        <View className="progress" id={`${control.id}-progress`}>
          <View className="progress__label">正在上传 · {percent}%</View>
          <View className="progress__track">
            <View className="progress__bar" style={{ width: `${percent}%` }} />
          </View>
        </View>
      ) : null}
      <View className="evidence__actions">
        <Button
          id={`${control.id}-media`}
          className="btn btn--ghost btn--small btn--inline"
          disabled={percent !== null || undefined}
          onClick={() => void add('media')}
        >
          {uploaded ? '重新拍照/相册' : '拍照/相册'}
        </Button>
        <Button
          id={`${control.id}-chat`}
          className="btn btn--ghost btn--small btn--inline"
          disabled={percent !== null || undefined}
          onClick={() => void add('chat')}
        >
          {env.platform === 'weapp' ? '微信聊天文件' : '选择文件'}
        </Button>
      </View>
    </FormRow>
  );
}
