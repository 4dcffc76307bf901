// Hover middleware of the language client for the Getting Started walkthrough: the first time a
// hover shows a model prediction, it sets the context key that completes the "Hover a prediction"
// step (completionEvents onContext:basepair.walkthrough.predictionHovered). Passes hovers through.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const PREDICTION_HOVERED_KEY = 'basepair.walkthrough.predictionHovered';

let seen = false;

function hasPrediction(hover: vscode.Hover): boolean {
  return hover.contents.some((c) => /predicted /.test(typeof c === 'string' ? c : c.value));
}

export const watchPredictionHovers: NonNullable<Middleware['provideHover']> = async (document, position, token, next) => {
  const hover = await next(document, position, token);
  if (!seen && hover && hasPrediction(hover)) {
    seen = true;
    void vscode.commands.executeCommand('setContext', PREDICTION_HOVERED_KEY, true);
  }
  return hover;
};
