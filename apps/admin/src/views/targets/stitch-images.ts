/** Loads a data URL as an image. */
function load(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('image failed to load'));
    img.src = src;
  });
}

/**
 * The dashboard's charts in one PNG, one under the other, under a title line (what an officer
 * pastes into a report). Images are at twice the screen's resolution, so is the text.
 */
export async function stitchCharts(
  heading: string,
  charts: readonly { title: string; dataUrl: string }[],
): Promise<string> {
  const images = await Promise.all(charts.map((c) => load(c.dataUrl)));
  const pad = 32;
  const titleHeight = 64;
  const width = Math.max(...images.map((i) => i.width), 800) + pad * 2;
  const height = titleHeight + images.reduce((sum, img) => sum + img.height + titleHeight, 0) + pad;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#303133';
  ctx.font = 'bold 32px sans-serif';
  ctx.fillText(heading, pad, 44);
  let y = titleHeight;
  images.forEach((img, i) => {
    ctx.font = 'bold 26px sans-serif';
    ctx.fillText(charts[i]?.title ?? '', pad, y + 40);
    ctx.drawImage(img, pad, y + titleHeight);
    y += img.height + titleHeight;
  });
  return canvas.toDataURL('image/png');
}
