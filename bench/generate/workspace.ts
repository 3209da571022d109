/** Who does what: the cross-file assignments every generator module agrees on. */

import { Agency, agencyAt } from './agencies';
import { catalogProviderIndex } from './catalogs';
import { Scale } from './scales';

export class Workspace {
  /** Agreements that services use; the rest are spare (no service depends on them). */
  readonly usedAgreements: number;

  constructor(readonly seed: number, readonly scale: Scale) {
    this.usedAgreements = scale.agreements - Math.max(1, Math.ceil(scale.agreements * 0.1));
  }

  agency(index: number): Agency {
    return agencyAt(this.seed, index);
  }

  agreementCatalog(agreement: number): number {
    return agreement % this.scale.catalogs;
  }

  agreementProvider(agreement: number): number {
    return catalogProviderIndex(this.agreementCatalog(agreement), this.scale.agencies);
  }

  agreementConsumer(agreement: number): number {
    const consumer = (this.scale.catalogs + agreement) % this.scale.agencies;
    return consumer === this.agreementProvider(agreement) ? (consumer + 1) % this.scale.agencies : consumer;
  }

  /** The agreement service `service` draws shared data from; its consumer implements the service. */
  serviceAgreement(service: number): number {
    return service % this.usedAgreements;
  }

  serviceImplementer(service: number): Agency {
    return this.agency(this.agreementConsumer(this.serviceAgreement(service)));
  }

  implementationCode(service: number): string {
    return `${this.serviceImplementer(service).uscc}${String(service).padStart(6, '0')}`;
  }

  servicesOfAgreement(agreement: number): number[] {
    const services: number[] = [];
    if (agreement >= this.usedAgreements) return services;
    for (let service = agreement; service < this.scale.services; service += this.usedAgreements) services.push(service);
    return services;
  }

  agreementId(agreement: number): string {
    return `GXXY${String(agreement + 1).padStart(6, '0')}`;
  }
}
