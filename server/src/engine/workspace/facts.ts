import type { JsonPath } from '../types';

/**
 * What one file contributes to the workspace: the identities it defines and the references it makes, each with the
 * data path of its node (ranges are resolved on demand from the file's text, so facts can come from a fast parse).
 */

export interface NodeRef { file: string; document: number; path: JsonPath }

export interface AgencyRefFact extends NodeRef { uscc: string; name: string | undefined }

export interface AgencyFact extends NodeRef {
  uscc: string;
  name: string;
  aliases: string[];
  region: string | undefined;
  level: string | undefined;
  parent: string | undefined;
}

export interface ItemFact { name: string; dataType: string | undefined; personal: string | undefined; path: JsonPath }

export interface ResourceFact extends NodeRef {
  code: string;
  name: string;
  items: ItemFact[];
  shareType: string | undefined;
  dataGrade: string | undefined;
  open: boolean;
  provider: { uscc: string; name: string | undefined } | undefined;
}

export interface AgreementFact extends NodeRef {
  id: string;
  title: string | undefined;
  provider: { uscc: string; name: string | undefined } | undefined;
  consumer: { uscc: string; name: string | undefined } | undefined;
  resources: { code: string; items: string[]; path: JsonPath }[];
  validFrom: string | undefined;
  validTo: string | undefined;
}

export interface ServiceFact extends NodeRef {
  implementationCode: string;
  name: string | undefined;
  implementer: { uscc: string; name: string | undefined } | undefined;
}

export type ReferenceKind = 'agency' | 'resource' | 'item' | 'agreement' | 'service';

/** A use of an identity defined elsewhere; `target` is the identity (for items: `resourceCode#itemName`). */
export interface ReferenceFact extends NodeRef { kind: ReferenceKind; target: string }

export interface FileFacts {
  file: string;
  agencies: AgencyFact[];
  resources: ResourceFact[];
  agreements: AgreementFact[];
  services: ServiceFact[];
  references: ReferenceFact[];
}
