/** Browsers have no WeChat subscribe messages; the in-app message centre covers them. */
export async function askToSubscribe(): Promise<void> {}
