// Every custom layer of Basepair's models. Importing this module registers them with TF.js
// serialization, which loading a saved model needs.
export { DilatedConv1D, dilatedConv1d } from './dilatedConv1d';
export { FlatPartnerIndex, PairMessagePassing, flatPartnerIndex, sparsePairProduct, symmetricPairProduct } from './pairMessagePassing';
export { ApplyMask, MaskedAttentionPooling, MaskedMeanPooling } from './maskedPooling';
export { PositionDense } from './positionDense';
export { SeededDropout } from './seededDropout';
export { WeightedPositionMean } from './weightedPositionMean';
