// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createBridgeTransport } from '../../../renderer/src/transport/bridge-transport.js';
import type { ReceivedMessage } from '../../../renderer/src/transport/parse-message.js';
import type { TransportListener } from '../../../renderer/src/transport/transport.js';
import { feedStatus, snapshot } from '../fixtures.js';
import { memoryBridge } from '../memory-bridge.js';

function recordingListener() {
  const events: { messages: ReceivedMessage[]; connection: boolean[]; dropped: string[] } = {
    messages: [],
    connection: [],
    dropped: [],
  };
  const listener: TransportListener = {
    message: (message) => void events.messages.push(message),
    connection: (connected) => void events.connection.push(connected),
    dropped: (problem) => void events.dropped.push(problem),
  };
  return { listener, events };
}

describe('bridge transport', () => {
  it('reports itself connected and passes valid messages on', () => {
    const { bridge, emit } = memoryBridge();
    const { listener, events } = recordingListener();
    createBridgeTransport(bridge).start(listener);

    emit(snapshot());
    expect(events.connection).toEqual([true]);
    expect(events.messages).toEqual([snapshot()]);
  });

  it('drops an invalid message, reports it and logs it through the bridge', () => {
    const { bridge, emit, sent } = memoryBridge();
    const { listener, events } = recordingListener();
    createBridgeTransport(bridge).start(listener);

    emit({ type: 'status', status: { ...feedStatus(), health: 'on fire' } });
    expect(events.messages).toEqual([]);
    expect(events.dropped).toHaveLength(1);
    expect(sent).toEqual([{ type: 'log', level: 'warn', message: events.dropped[0] }]);
  });

  it('sends operator commands to the bridge', () => {
    const { bridge, sent } = memoryBridge();
    createBridgeTransport(bridge).send({ type: 'quit' });
    expect(sent).toEqual([{ type: 'quit' }]);
  });

  it('unsubscribes when stopped', () => {
    const { bridge, emit, listeners } = memoryBridge();
    const { listener, events } = recordingListener();
    const stop = createBridgeTransport(bridge).start(listener);

    stop();
    emit(snapshot());
    expect(listeners.size).toBe(0);
    expect(events.messages).toEqual([]);
  });
});
