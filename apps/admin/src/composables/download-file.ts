/** Saves a blob or a data URL as a file in the officer's downloads. */
export function downloadFile(content: Blob | string, fileName: string): void {
  const url = typeof content === 'string' ? content : URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(url), 0);
}
