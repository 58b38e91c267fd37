// Writes the encoder as an ONNX graph with onnx-proto (protobufjs): an int8 embedding table with
// one float scale per row, looked up per token, dequantized and masked:
//   last_hidden_state[b, s, :] = table[id] · scale[id] · attention_mask[b, s]
// Gathering before dequantizing keeps each run proportional to the tokens, not the vocabulary.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const T = onnx.TensorProto.DataType;

/**
 * @param {string} name
 * @param {number} elemType
 * @param {(string | number)[]} dims symbolic names or sizes
 */
function valueInfo(name, elemType, dims) {
	return onnx.ValueInfoProto.create({
		name,
		type: {
			tensorType: {
				elemType,
				shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) }
			}
		}
	});
}

/**
 * @param {string} op
 * @param {string[]} input
 * @param {string[]} output
 * @param {Record<string, number>} [ints] integer attributes
 */
function node(op, input, output, ints = {}) {
	const attribute = Object.entries(ints).map(([name, i]) =>
		onnx.AttributeProto.create({ name, type: onnx.AttributeProto.AttributeType.INT, i })
	);
	return onnx.NodeProto.create({ opType: op, input, output, name: output[0], attribute });
}

/**
 * Serialises the encoder graph.
 * @param {{ table: Int8Array, scales: Float32Array, dimensions: number, producer: string }} weights
 *   `table` is row-major [vocab, dimensions]; `scales` has one entry per row
 * @returns {Uint8Array} the .onnx file's bytes
 */
export function encoderOnnx({ table, scales, dimensions, producer }) {
	const vocab = scales.length;
	const graph = onnx.GraphProto.create({
		name: 'glove_sif_encoder',
		input: [
			valueInfo('input_ids', T.INT64, ['batch_size', 'sequence_length']),
			valueInfo('attention_mask', T.INT64, ['batch_size', 'sequence_length'])
		],
		output: [
			valueInfo('last_hidden_state', T.FLOAT, ['batch_size', 'sequence_length', dimensions])
		],
		initializer: [
			onnx.TensorProto.create({
				name: 'embeddings_q',
				dataType: T.INT8,
				dims: [vocab, dimensions],
				rawData: new Uint8Array(table.buffer, table.byteOffset, table.byteLength)
			}),
			onnx.TensorProto.create({
				name: 'embeddings_scale',
				dataType: T.FLOAT,
				dims: [vocab],
				rawData: new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength)
			}),
			onnx.TensorProto.create({ name: 'last_axis', dataType: T.INT64, dims: [1], int64Data: [2] })
		],
		node: [
			node('Gather', ['embeddings_q', 'input_ids'], ['token_q'], { axis: 0 }),
			node('Cast', ['token_q'], ['token_vec'], { to: T.FLOAT }),
			node('Gather', ['embeddings_scale', 'input_ids'], ['token_scale'], { axis: 0 }),
			node('Cast', ['attention_mask'], ['mask_f'], { to: T.FLOAT }),
			node('Mul', ['token_scale', 'mask_f'], ['token_weight']),
			node('Unsqueeze', ['token_weight', 'last_axis'], ['token_weight_3d']),
			node('Mul', ['token_vec', 'token_weight_3d'], ['last_hidden_state'])
		]
	});
	const model = onnx.ModelProto.create({
		irVersion: 7,
		opsetImport: [{ domain: '', version: 13 }],
		producerName: producer,
		graph
	});
	return onnx.ModelProto.encode(model).finish();
}
