import { flushPromises } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import OfficerDialog from '../src/views/officers/officer-dialog.vue';
import CallCreateDialog from '../src/views/vice-president/calls/call-create-dialog.vue';
import { officers } from './helpers';
import { mountAs } from './mount';

const api = vi.hoisted(() => ({
  createOfficer: vi.fn(),
  updateOfficer: vi.fn(),
  createCall: vi.fn(),
}));
vi.mock('../src/api/client', () => ({
  trpc: {
    officers: {
      create: { mutate: api.createOfficer },
      update: { mutate: api.updateOfficer },
    },
    vp: { calls: { create: { mutate: api.createCall } } },
  },
}));

/** Opens a dialog component the way its page does (v-model on `open`). */
function opened(component: unknown, props: Record<string, unknown> = {}) {
  return defineComponent({
    setup() {
      const open = ref(false);
      setTimeout(() => (open.value = true));
      return () =>
        h(component as never, {
          ...props,
          modelValue: open.value,
          'onUpdate:modelValue': (v: boolean) => (open.value = v),
        });
    },
  });
}

/** The label → error text of each form item in the open dialog. */
function itemsOf(root: Element) {
  return [...root.querySelectorAll('.el-form-item')].map((item) => ({
    label: item.querySelector('.el-form-item__label')?.textContent?.trim() ?? '',
    required: item.classList.contains('is-required'),
    error: item.querySelector('.el-form-item__error')?.textContent?.trim() ?? '',
  }));
}

/** Element Plus shows a form item's error 100 ms after it is set (a debounce). */
async function settle() {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
}

beforeEach(() => {
  for (const fn of Object.values(api)) fn.mockReset();
  document.body.innerHTML = '';
});

describe('new-officer form: required marks and checks from officerCreateSchema', () => {
  it('marks the required fields and refuses an empty form without calling the API', async () => {
    await mountAs(officers.admin, opened(OfficerDialog, { officer: null }));
    await settle();
    const dialog = document.querySelector('[data-testid="officer-dialog"]')!;
    expect(
      itemsOf(dialog)
        .filter((i) => i.required)
        .map((i) => i.label),
    ).toEqual(['用户名', '姓名', '角色', '初始密码']);
    (document.querySelector('[data-testid="officer-submit"]') as HTMLElement).click();
    await settle();
    expect(api.createOfficer).not.toHaveBeenCalled();
    const errors = Object.fromEntries(itemsOf(dialog).map((i) => [i.label, i.error]));
    expect(errors).toMatchObject({
      用户名: '用户名为3至32位小写字母、数字或 _ . -',
      姓名: '姓名至少2个字',
      角色: '请选择角色',
      初始密码: '密码至少10位',
    });
  });

  it('drops a field’s error as soon as that field changes (no stale 请选择角色)', async () => {
    const { wrapper } = await mountAs(officers.admin, opened(OfficerDialog, { officer: null }));
    await settle();
    (document.querySelector('[data-testid="officer-submit"]') as HTMLElement).click();
    await settle();
    const dialog = document.querySelector('[data-testid="officer-dialog"]')!;
    expect(itemsOf(dialog).find((i) => i.label === '角色')?.error).toBe('请选择角色');
    const select = wrapper.findComponent({ name: 'ElSelect' });
    select.vm.$emit('update:modelValue', 'bureau-reviewer');
    await settle();
    const after = Object.fromEntries(itemsOf(dialog).map((i) => [i.label, i.error]));
    expect(after['角色']).toBe('');
    // The others were not touched: their messages stay until fixed.
    expect(after['姓名']).toBe('姓名至少2个字');
  });
});

describe('new-call form: required marks and checks from vpCallCreateSchema', () => {
  it('marks every field required and checks dates before asking the API', async () => {
    await mountAs(officers.admin, opened(CallCreateDialog));
    await settle();
    const dialog = document.querySelector('[data-testid="vp-call-dialog"]')!;
    expect(itemsOf(dialog).every((i) => i.required)).toBe(true);
    (document.querySelector('[data-testid="vp-call-submit"]') as HTMLElement).click();
    await settle();
    expect(api.createCall).not.toHaveBeenCalled();
    const errors = itemsOf(dialog).map((i) => i.error);
    expect(errors.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    for (const e of errors.filter(Boolean)) expect(e).toMatch(/[\u4e00-\u9fff]/);
  });
});
