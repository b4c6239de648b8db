import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { Semaphore } from "@/lib/shared/semaphore";

/**
 * Makes a SQLite driver adapter's single connection behave like a database to every async flow of the
 * process: a plain query waits while another flow's interactive transaction is open.
 *
 * Why: Prisma's better-sqlite3 adapter runs everything on ONE connection and queues only its
 * transactions. A plain query sent by another flow while a transaction awaits between two statements
 * would execute inside that transaction — reading its uncommitted writes and committing or rolling
 * back with it (docs/reliability.md, "Databases"). Here every statement outside a transaction and every
 * transaction take turns on one FIFO lock, held by a transaction from BEGIN to COMMIT or ROLLBACK.
 *
 * better-sqlite3 runs each statement synchronously, so serializing plain statements costs nothing; the
 * only new wait is the one that makes the answer correct. A plain query sent from inside a transaction
 * callback through the outer client (instead of the callback's `tx`) would now wait for its own
 * transaction until Prisma's transaction timeout rolls it back, so no code path may do that.
 */
export function serializeSqliteAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new SerializedSqliteAdapter(await factory.connect()),
  };
}

class SerializedSqliteAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  readonly #inner: SqlDriverAdapter;
  readonly #lock = new Semaphore(1);

  constructor(inner: SqlDriverAdapter) {
    this.#inner = inner;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  getConnectionInfo?: SqlDriverAdapter["getConnectionInfo"];

  queryRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#lock.run(() => this.#inner.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#lock.run(() => this.#inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire();
    try {
      return holdUntilEnd(await this.#inner.startTransaction(isolationLevel), release);
    } catch (err) {
      release();
      throw err;
    }
  }

  dispose() {
    return this.#inner.dispose();
  }
}

/** The transaction as is, except that its commit and rollback also let the next flow in. */
function holdUntilEnd(tx: Transaction, release: () => void): Transaction {
  const ending = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      release();
    }
  };
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === "commit") return ending(() => target.commit());
      if (prop === "rollback") return ending(() => target.rollback());
      const value = Reflect.get(target, prop, target) as unknown;
      // The driver's methods use private fields: call them on the driver's object, not on the proxy.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
