/**
 * `npm run processor`: the worked processor of docs/connect.md, on the request JSON in
 * examples/processor/requests.
 */
import { runProcessor } from './processor';

runProcessor();
