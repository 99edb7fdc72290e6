/** Bytes gathered before they are handed on: large enough that a call per chunk costs nothing. */
const CHUNK = 1 << 16;
/** Room kept at the end of the buffer: one UTF-16 code unit, or a pair, is at most 4 bytes. */
const LIMIT = CHUNK - 4;
const TWO_TO_31 = 2 ** 31;

/**
 * Writes bytes into a buffer and hands each full buffer to `sink` (e.g. a hash's `update`). The
 * buffer is reused: `sink` must use the bytes before it returns, and keep none of them.
 */
export class ByteWriter {
  private readonly buffer = new Uint8Array(CHUNK);
  private used = 0;
  /** Bytes handed on so far, the ones still in the buffer not included. */
  private handedOn = 0;

  constructor(private readonly sink: (bytes: Uint8Array) => void) {}

  /** Every byte written, handed on or not. */
  get length(): number {
    return this.handedOn + this.used;
  }

  byte(value: number): void {
    if (this.used >= LIMIT) this.flush();
    this.buffer[this.used++] = value;
  }

  /** A whole number from 0 to 2^53 − 1 in LEB128: 7 bits a byte, low bits first. */
  varint(value: number): void {
    let n = value;
    // Bit operations are 32-bit: above 2^31 divide instead.
    while (n >= TWO_TO_31) {
      this.byte((n % 128) | 0x80);
      n = Math.floor(n / 128);
    }
    while (n >= 0x80) {
      this.byte((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    this.byte(n);
  }

  /**
   * `text` as UTF-8, then 0xFF, which UTF-8 never contains: the end is found without a length. A
   * lone surrogate is written as its own three bytes (WTF-8), not as U+FFFD, so that two
   * different strings never give the same bytes.
   */
  text(text: string): void {
    const buffer = this.buffer;
    let used = this.used;
    for (let i = 0; i < text.length; i++) {
      if (used >= LIMIT) {
        this.used = used;
        this.flush();
        used = 0;
      }
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buffer[used++] = c;
      } else if (c < 0x800) {
        buffer[used++] = 0xc0 | (c >> 6);
        buffer[used++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
            i++;
            buffer[used++] = 0xf0 | (c >> 18);
            buffer[used++] = 0x80 | ((c >> 12) & 0x3f);
            buffer[used++] = 0x80 | ((c >> 6) & 0x3f);
            buffer[used++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        buffer[used++] = 0xe0 | (c >> 12);
        buffer[used++] = 0x80 | ((c >> 6) & 0x3f);
        buffer[used++] = 0x80 | (c & 0x3f);
      }
    }
    this.used = used;
    this.byte(0xff);
  }

  /** A number as 8 bytes, IEEE 754 big-endian. */
  float64(value: number): void {
    FLOAT_VIEW.setFloat64(0, value);
    for (let i = 0; i < 8; i++) this.byte(FLOAT_VIEW.getUint8(i));
  }

  /** Hands on what is left; the writer may go on being written to. */
  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buffer.subarray(0, this.used));
    this.handedOn += this.used;
    this.used = 0;
  }
}

/** `DataView` writes big-endian unless told otherwise, whatever the platform. */
const FLOAT_VIEW = new DataView(new ArrayBuffer(8));
