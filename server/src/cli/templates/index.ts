import config from './govspec.config.yaml';
import agency from './example.agency.yaml';
import agreement from './example.agreement.yaml';
import catalog from './example.catalog.yaml';
import service from './example.service.yaml';
import { CONFIG_FILE_NAME } from '../../host/names';

/** The files `govspec init` writes (and the editor offers as new-file templates), by file name. */
export const TEMPLATES: Readonly<Record<string, string>> = {
  [CONFIG_FILE_NAME]: config,
  'example.service.yaml': service,
  'example.catalog.yaml': catalog,
  'example.agreement.yaml': agreement,
  'example.agency.yaml': agency,
};
