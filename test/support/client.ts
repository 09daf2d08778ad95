// The tests reach the service the way every door does: through the one typed client built from
// the contract, so a test never casts what an operation returns.
import type { SwitchboardApi } from '../../common/contract';
import { serviceClient, type Service } from '../../main/app/service';

/** A real service with its typed client alongside: `service.client['items-list']({ view: 'all' })`. */
export type ServiceWithClient = Service & { readonly client: SwitchboardApi };

export function withClient(service: Service): ServiceWithClient {
  return Object.assign(service, { client: serviceClient(service) });
}
