package dev.starlight.detector.http;

/**
 * The example bodies of the OpenAPI document. {@code OpenApiDocumentTest} reads each back as a {@code ScanResult}, so
 * an example cannot drift from the type.
 */
public final class OpenApiExamples {
    public static final String STEGO_RESULT = """
            {"requestId":"3f2a9c1e-4b7d-4e8a-9c1f-2b6d8e0a7c55","sha256":\
            "9b74c9897bac770ffc029102a200c5de9b74c9897bac770ffc029102a200c5de","source":null,"format":"png",\
            "width":256,"height":256,"verdict":"stego","stegoProbability":0.998,"method":"lsb.rgb",\
            "bitOrder":"msb-first","payload":{"lengthBytes":12,"text":"hello, world","base64":"aGVsbG8sIHdvcmxk",\
            "encoding":"utf-8"},"evidence":[{"detector":"extract.lsb.rgb","score":0.99,\
            "detail":"12-byte UTF-8 message, msb-first","method":"lsb.rgb","kind":"extraction"},\
            {"detector":"spa.red","score":0.91,"detail":"estimated payload rate 0.42","estimate":0.42,\
            "kind":"statistic"}],"modelVersion":"stats","latencyMs":14,"error":null}""";

    public static final String TOO_LARGE = """
            {"code":"TOO_LARGE","message":"input is 10900000 bytes, limit 10485760",\
            "requestId":"b1","sha256":"5c2f0e1d7a3b4c6d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d","source":null,\
            "format":null,"width":null,"height":null,"verdict":"error","stegoProbability":null,"method":null,\
            "bitOrder":null,"payload":null,"evidence":[],"modelVersion":"stats","latencyMs":2,\
            "error":{"code":"TOO_LARGE","message":"input is 10900000 bytes, limit 10485760"}}""";

    public static final String UNSUPPORTED_FORMAT = """
            {"code":"UNSUPPORTED_FORMAT","message":"not a PNG, GIF, BMP, JPEG or WebP image",\
            "requestId":"b2","sha256":"0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e","source":null,\
            "format":null,"width":null,"height":null,"verdict":"error","stegoProbability":null,"method":null,\
            "bitOrder":null,"payload":null,"evidence":[],"modelVersion":"stats","latencyMs":0,\
            "error":{"code":"UNSUPPORTED_FORMAT","message":"not a PNG, GIF, BMP, JPEG or WebP image"}}""";

    public static final String TRUNCATED = """
            {"code":"TRUNCATED","message":"PNG ends inside chunk IDAT","requestId":"b3",\
            "sha256":"7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f","source":null,"format":"png",\
            "width":null,"height":null,"verdict":"error","stegoProbability":null,"method":null,"bitOrder":null,\
            "payload":null,"evidence":[],"modelVersion":"stats","latencyMs":1,\
            "error":{"code":"TRUNCATED","message":"PNG ends inside chunk IDAT"}}""";

    public static final String TIMEOUT = """
            {"code":"TIMEOUT","message":"scan exceeded 10000 ms","requestId":"b4",\
            "sha256":"1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b","source":null,"format":"png",\
            "width":null,"height":null,"verdict":"error","stegoProbability":null,"method":null,"bitOrder":null,\
            "payload":null,"evidence":[],"modelVersion":"stats","latencyMs":10000,\
            "error":{"code":"TIMEOUT","message":"scan exceeded 10000 ms"}}""";

    private OpenApiExamples() {
    }
}
