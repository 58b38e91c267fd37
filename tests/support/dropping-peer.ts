import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';

/**
 * An HTTP/1.1 peer that answers each connection's first request and keeps the connection
 * open, then closes it without a word when a second request arrives on it: what a database
 * does when it drops an idle kept-alive connection just as the next request goes out.
 */
export async function droppingPeer(closeWith: 'end' | 'reset') {
	let requests = 0;
	let drops = 0;
	const server = net.createServer((socket) => {
		let served = 0;
		socket.on('data', () => {
			requests++;
			if (served++ === 0) {
				socket.write(
					'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n' +
						'connection: keep-alive\r\n\r\n{"ok":true}'
				);
			} else {
				drops++;
				if (closeWith === 'end') socket.end();
				else socket.resetAndDestroy();
			}
		});
		socket.on('error', () => undefined);
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		requests: () => requests,
		/** Requests that met a dropped connection. */
		drops: () => drops,
		close: () => server.close()
	};
}
