import { Button, View } from '@tarojs/components';
import { ORGANISATION_DOCUMENT_KINDS, organisationDocumentSchema } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { SchemaForm } from '../../../components/SchemaForm';
import { EmptyState, ErrorState, LoadingState } from '../../../components/StateViews';
import { StatusTag } from '../../../components/StatusTag';
import type { FieldOverrides, FormValues } from '../../../forms/schema-fields';
import { formatBytes, formatDate } from '../../../format';
import { useLoader } from '../../../hooks/useLoader';
import { toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import { FileField } from './FileField';
import { pressable } from '../../../components/a11y';
import { usePageClass } from '../../../services/text-size';

type DocumentInput = Parameters<typeof api.myOrg.documents.add.mutate>[0];
type Doc = Awaited<ReturnType<typeof api.myOrg.documents.list.query>>[number];

/** Kinds whose validity the uploader states (a licence's 营业期限); the others need no date. */
const takesDate = (values: FormValues) =>
  ORGANISATION_DOCUMENT_KINDS.some((k) => k.code === values.kind && k.validity === 'given');

const OVERRIDES: FieldOverrides = {
  fileId: { render: (control) => <FileField control={control} /> },
  validUntil: { visible: takesDate },
};

/** 在用 green, 已过期 red, 已更新 grey: the tones the status tag already has. */
function tone(doc: Doc): string {
  if (!doc.current) return 'withdrawn';
  return doc.expired ? 'rejected' : 'approved';
}

function DocumentRow({ doc }: { doc: Doc }) {
  return (
    <View className="list-item list-item--column" id={`document-${doc.id}`}>
      <View className="list-item__row">
        <View className="list-item__main">
          <View className="list-item__title">{doc.kindName}</View>
          <View className="list-item__meta">
            {doc.originalName} · {formatBytes(doc.sizeBytes)}
          </View>
          <View
            className={doc.expired && doc.current ? 'list-card__alert' : 'list-item__meta'}
            id={`document-${doc.id}-validity`}
          >
            {doc.validityLabel}
            {doc.expired && doc.current ? '，已过期，申报时请重新上传' : ''}
          </View>
          <View className="list-item__meta">
            上传于 {formatDate(doc.uploadedAt)}
            {doc.supersededAt ? `，${formatDate(doc.supersededAt)} 被新资料替换` : ''}
          </View>
        </View>
        <StatusTag status={tone(doc)} label={doc.statusLabel} id={`document-${doc.id}-status`} />
      </View>
    </View>
  );
}

/**
 * 单位资料库: standing documents — licence, the yearly 信用承诺书, the account proof — kept once
 * and attached to applications by reference. Each has its validity; 已过期 ones are asked for
 * again. Administrators and 经办人 add them; a newer one replaces the current one of its kind.
 */
export default function DocumentsPage() {
  const pageClass = usePageClass();
  const { loaded, reload } = useLoader(() => api.myOrg.documents.list.query());
  const [adding, setAdding] = useState(false);

  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') {
    return (
      <View className={pageClass}>
        <ErrorState message={loaded.message} onRetry={() => void reload()} />
      </View>
    );
  }
  const current = loaded.data.filter((d) => d.current);
  const replaced = loaded.data.filter((d) => !d.current);

  return (
    <View className={adding ? 'page page--footer' : 'page'} id="documents-page">
      <View className="notice">
        营业执照、年度信用承诺书、收款账户证明等常用资料在此上传一次，申报时可直接引用，无需每次重新上传。信用承诺书每年更新，有效期至当年12月31日。
      </View>

      <View className="card" id="documents-current">
        <View className="card__title">在用资料</View>
        {current.length === 0 ? (
          <EmptyState id="documents-empty" title="资料库还是空的" hint="上传后，申报时可直接引用" />
        ) : (
          current.map((d) => <DocumentRow key={d.id} doc={d} />)
        )}
      </View>

      {adding ? (
        <View className="card" id="documents-form">
          <View className="card__title">上传资料</View>
          <SchemaForm
            idPrefix="document"
            schema={organisationDocumentSchema}
            overrides={OVERRIDES}
            submitLabel="保存到资料库"
            footer
            onSubmit={async (input) => {
              const values = input as DocumentInput;
              await withSession(() =>
                api.myOrg.documents.add.mutate({
                  kind: values.kind,
                  fileId: values.fileId,
                  // A date typed for a kind that takes none is not sent.
                  ...(takesDate({ kind: values.kind }) && values.validUntil
                    ? { validUntil: values.validUntil }
                    : {}),
                }),
              );
              void toastDone('已保存到资料库');
              setAdding(false);
              void reload();
            }}
          />
          <View className="center footnote">
            <View
              {...pressable()}
              className="link"
              id="documents-cancel"
              onClick={() => setAdding(false)}
            >
              取消
            </View>
          </View>
        </View>
      ) : (
        <Button id="documents-add" className="btn btn--primary" onClick={() => setAdding(true)}>
          上传资料
        </Button>
      )}

      {replaced.length > 0 ? (
        <View className="card" id="documents-replaced">
          <View className="card__title">已更新的资料（仅供查阅）</View>
          {replaced.map((d) => (
            <DocumentRow key={d.id} doc={d} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
