import { readEnv } from '../env';
import { createFakeWeChat } from './service';

const env = readEnv();
const app = createFakeWeChat({ appId: env.WECHAT_APPID, secret: env.WECHAT_SECRET });
await app.listen({ host: '127.0.0.1', port: env.FAKE_WECHAT_PORT });
console.log(`fake WeChat login service on http://127.0.0.1:${env.FAKE_WECHAT_PORT}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close());
