import type { FieldOverrides } from '../../../forms/schema-fields';
import { FileField } from '../documents/FileField';
import { needsAuthorisation } from './data';

/**
 * The fields of the person acting for an organisation (机构认证 and 认领申诉 share them): the
 * licence and the 授权委托书 are uploads (a photo or a PDF), the letter only when needed.
 */
export const ACTING_OVERRIDES: FieldOverrides = {
  licenceKind: { id: 'licence-kind' },
  licenceFileId: { id: 'licence', render: (control) => <FileField control={control} /> },
  legalRepName: { placeholder: '与营业执照或法人证书上的一致', maxLength: 30 },
  actingRole: { id: 'acting-role' },
  authorisationFileId: {
    id: 'authorisation',
    visible: needsAuthorisation,
    render: (control) => <FileField control={control} />,
  },
};
