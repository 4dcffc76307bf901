// Every custom layer of the pair models; importing this module registers them with TF.js serialisation
// (loading a saved pair classifier or generator needs it).
export { PairInteractionMap } from './interactionMap';
export { DiagonalSkew, skew } from './diagonalSkew';
export { AxisReduce, BroadcastMultiply, ChannelSlice, MaskedMean, SequenceMask } from './plumbing';
export { CausalSelfAttention } from './causalSelfAttention';
export { LayerNorm } from './layerNorm';
