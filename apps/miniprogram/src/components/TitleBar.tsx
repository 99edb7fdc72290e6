/** WeChat shows its own navigation bar: the title bar exists only in the H5 build (TitleBar.h5.tsx). */
export function TitleBar() {
  return null;
}
