/** A `tel:` address for a phone as the policy writes it (0557-1234567): digits only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
