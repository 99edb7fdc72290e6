import { ensureSession } from './session';
import { clearSession, readSession } from './session-store';
import {
  type FileSource,
  type PickedFile,
  type UploadedFile,
  isSessionRefusal,
  maxUploadBytes,
  pickerAccept,
  readUploadAnswer,
  tooLarge,
  uploadUrl,
} from './upload-common';

export * from './upload-common';

/**
 * The browser build: a hidden file input (the browser's own chooser). "Chat files" become any
 * accepted document, since a browser has no WeChat chats.
 */
export function pickFiles(source: FileSource): Promise<PickedFile[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = pickerAccept(source);
    input.style.display = 'none';
    input.id = `file-input-${source}`;
    const done = (files: PickedFile[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      done(
        Array.from(input.files ?? []).map((f) => ({
          path: f.name,
          name: f.name,
          size: f.size,
          blob: f,
        })),
      );
    });
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

export async function uploadFile(
  file: PickedFile,
  onProgress: (percent: number) => void,
): Promise<UploadedFile> {
  if (file.size > maxUploadBytes()) throw tooLarge(file);
  await ensureSession();
  try {
    return await send(file, onProgress);
  } catch (error) {
    if (!isSessionRefusal(error)) throw error;
    clearSession();
    await ensureSession();
    return send(file, onProgress);
  }
}

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function send(file: PickedFile, onProgress: (percent: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl());
    const token = readSession()?.token;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      try {
        resolve(readUploadAnswer(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => {
      try {
        readUploadAnswer(0, null);
      } catch (error) {
        reject(error);
      }
    };
    const form = new FormData();
    form.append('originalName', file.name);
    form.append('file', file.blob ?? new Blob([]), file.name);
    xhr.send(form);
  });
}
