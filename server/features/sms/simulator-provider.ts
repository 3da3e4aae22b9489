import { randomUUID } from 'node:crypto';

import type { SendRequest, SmsProvider } from './sms-provider.js';

export interface SimulatedReceipt {
  carrierId: string;
  status: 'submitted' | 'delivered';
}

/**
 * Stands in for the carrier when no Vonage credentials are set: accepts every text and reports
 * delivery through the same receipt path a real status webhook takes.
 */
export class SimulatorProvider implements SmsProvider {
  readonly name = 'simulator';
  readonly sent: Array<SendRequest & { carrierId: string; at: string }> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private onReceipt: (receipt: SimulatedReceipt) => void = () => {};

  constructor(private readonly delays = { submitted: 250, delivered: 1200 }) {}

  setReceiptHandler(handler: (receipt: SimulatedReceipt) => void): void {
    this.onReceipt = handler;
  }

  async send(request: SendRequest): Promise<{ carrierId: string }> {
    const carrierId = randomUUID();
    this.sent.push({ ...request, carrierId, at: new Date().toISOString() });
    if (this.sent.length > 500) this.sent.shift();
    this.later(this.delays.submitted, { carrierId, status: 'submitted' });
    this.later(this.delays.delivered, { carrierId, status: 'delivered' });
    return { carrierId };
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(ms: number, receipt: SimulatedReceipt) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.onReceipt(receipt);
    }, ms);
    this.timers.add(timer);
  }
}
