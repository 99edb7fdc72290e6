import { describe, expect, it } from 'vitest';
import { UPLOAD_EXTENSIONS, UPLOAD_FILE_TYPES } from '@kc/domain';
import {
  UploadError,
  pickerAccept,
  readUploadAnswer,
  tooLarge,
  uploadHintText,
} from '../src/services/upload-common';

describe('evidence upload answers', () => {
  it('returns the stored file of a successful upload', () => {
    const file = readUploadAnswer(
      200,
      JSON.stringify({
        id: 'f1',
        sha256: 'x',
        sizeBytes: 10,
        mimeType: 'application/pdf',
        originalName: 'a.pdf',
      }),
    );
    expect(file.id).toBe('f1');
  });

  it('passes on the server’s own refusal, in its words', () => {
    const refusal = () =>
      readUploadAnswer(413, {
        error: {
          appCode: 'FILE_TOO_LARGE',
          message: '文件过大：单个文件不能超过 10 MB，请压缩或分开上传',
        },
      });
    expect(refusal).toThrow(UploadError);
    expect(refusal).toThrow('文件过大');
  });

  it('says the network failed when nothing came back', () => {
    expect(() => readUploadAnswer(0, null)).toThrow('网络连接失败');
  });

  it('refuses an oversize file before sending it, naming the file and the limit', () => {
    const error = tooLarge({ path: 'p', name: '证书.png', size: 11 * 1024 * 1024 });
    expect(error.appCode).toBe('FILE_TOO_LARGE');
    expect(error.message).toContain('不能超过 10 MB');
    expect(error.message).toContain('证书.png');
  });

  it('says under the uploads which types are accepted and the size limit, as the server does', () => {
    const hint = uploadHintText();
    expect(hint).toContain('不超过 10 MB');
    expect(hint).not.toContain('规定大小');
    for (const type of UPLOAD_FILE_TYPES) expect(hint).toContain(type.label);
  });

  it('offers exactly the server’s types in the pickers', () => {
    expect(pickerAccept('chat').split(',').sort()).toEqual(
      UPLOAD_EXTENSIONS.map((e) => `.${e}`).sort(),
    );
    expect(pickerAccept('media')).toBe('image/*');
  });
});
