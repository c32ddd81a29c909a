package dev.starlight.lab.zoo;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ordinary text real files carry, drawn from short lists: camera bodies and their settings, captions, editors'
 * comments and names, image-generator prompts and settings (AUTOMATIC1111, ComfyUI, NovelAI, InvokeAI, Fooocus).
 * Lengths and forms follow what those programs write; nothing here is payload-like.
 */
final class ZooTexts {
    /** Make, model, lens, firmware ("Software"). */
    record Camera(String make, String model, String lens, String software) {
    }

    static final List<Camera> CAMERAS = List.of(
            new Camera("Canon", "Canon EOS 80D", "EF-S18-135mm f/3.5-5.6 IS USM", "Firmware Version 1.0.3"),
            new Camera("Canon", "Canon EOS R6", "RF24-105mm F4 L IS USM", "Firmware Version 1.8.1"),
            new Camera("NIKON CORPORATION", "NIKON D750", "24.0-120.0 mm f/4.0", "Ver.1.15"),
            new Camera("NIKON CORPORATION", "NIKON Z 6_2", "NIKKOR Z 24-70mm f/4 S", "Ver.01.60"),
            new Camera("SONY", "ILCE-7M3", "FE 28-70mm F3.5-5.6 OSS", "ILCE-7M3 v4.01"),
            new Camera("FUJIFILM", "X-T3", "XF18-55mmF2.8-4 R LM OIS", "Digital Camera X-T3 Ver4.30"),
            new Camera("OLYMPUS CORPORATION", "E-M10MarkII", "OLYMPUS M.14-42mm F3.5-5.6 EZ", "Version 1.2"),
            new Camera("Panasonic", "DC-G9", "LUMIX G VARIO 12-60/F3.5-5.6", "Ver.2.1"),
            new Camera("Apple", "iPhone 13", "iPhone 13 back dual wide camera 5.1mm f/1.6", "16.6.1"),
            new Camera("Apple", "iPhone 11 Pro", "iPhone 11 Pro back triple camera 4.25mm f/1.8", "15.4.1"),
            new Camera("samsung", "SM-G991B", "", "G991BXXU5CVLL"),
            new Camera("samsung", "SM-A525F", "", "A525FXXS4CWA2"),
            new Camera("Google", "Pixel 7", "", "HDR+ 1.0.500265827zd"),
            new Camera("Xiaomi", "Redmi Note 10", "", "mojito_global-user 12 SKQ1.210908.001"),
            new Camera("OnePlus", "IN2023", "", "OnePlus8Pro-user 11"),
            new Camera("HUAWEI", "ELE-L29", "", "ELE-L29 10.1.0.150(C431E8R1P5)"));

    static final List<String> CAPTIONS = List.of("Sunset over the lake", "Family trip", "Birthday party",
            "Our new garden", "Holiday 2023", "Mountains near Chamonix", "Grandma's 80th", "IMG_2041", "First snow",
            "View from the hotel", "Beach day with the kids", "Autumn walk", "Wedding reception", "Old town at night",
            "Le marché du dimanche", "Spring blossoms", "Hiking trip, day 2", "Concert", "Road trip",
            "Fête de la musique", "Kyoto, temple garden", "Morning fog", "Harbour", "City lights", "Desert road");

    static final List<String> EDITOR_COMMENTS = List.of("Created with GIMP",
            "CREATOR: gd-jpeg v1.0 (using IJG JPEG v80), quality = 90", "Optimized by JPEGmini 3.18.2.225 0x2e4d8b8c",
            "File written by Adobe Photoshop\u00a8 4.0", "Edited with Snapseed", "Processed with VSCO with a6 preset",
            "LEAD Technologies Inc. V1.01", "Intel(R) JPEG Library, version [2.0.16.48]", "AppleMark",
            "Handmade Software, Inc. Image Alchemy v1.11");

    static final List<String> EDITORS = List.of("Adobe Photoshop 24.1 (Windows)", "Adobe Photoshop 23.5 (Macintosh)",
            "Adobe Photoshop Lightroom Classic 12.0 (Windows)", "Adobe Photoshop Lightroom 6.14 (Macintosh)",
            "GIMP 2.10.34", "GIMP 2.10.22", "Affinity Photo 1.10.6", "darktable 4.2.1", "RawTherapee 5.9",
            "Capture One 22 Windows");

    private static final List<String> SUBJECTS = List.of("a lighthouse on a cliff", "a cozy cabin in the woods",
            "a portrait of an old fisherman", "a futuristic city skyline", "a red fox in the snow",
            "a bowl of ramen", "a castle on a hill", "an astronaut riding a horse", "a cat sleeping on a windowsill",
            "a mountain lake at dawn", "a steampunk airship", "a field of sunflowers", "a knight in silver armor",
            "a cyberpunk street market", "a watercolor of a harbor");

    private static final List<String> STYLES = List.of("masterpiece", "best quality", "highly detailed",
            "8k", "photorealistic", "cinematic lighting", "volumetric light", "sharp focus", "trending on artstation",
            "digital painting", "octane render", "soft light", "studio ghibli style", "film grain", "bokeh",
            "golden hour", "intricate details", "concept art", "ultra wide angle", "dramatic sky");

    private static final List<String> NEGATIVE = List.of("lowres", "bad anatomy", "bad hands", "text", "error",
            "missing fingers", "extra digit", "cropped", "worst quality", "low quality", "jpeg artifacts",
            "signature", "watermark", "blurry", "deformed", "ugly", "duplicate");

    private static final List<String> SAMPLERS = List.of("DPM++ 2M Karras", "Euler a", "DPM++ SDE Karras",
            "DDIM", "UniPC", "DPM++ 2M SDE Karras", "Euler");

    private static final List<String> CHECKPOINTS = List.of("v1-5-pruned-emaonly", "sd_xl_base_1.0",
            "dreamshaper_8", "realisticVisionV51_v51VAE", "juggernautXL_v8Rundiffusion", "deliberate_v2",
            "revAnimated_v122");

    private ZooTexts() {
    }

    static <T> T pick(List<T> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }

    static String prompt(SplittableRandom r) {
        StringBuilder s = new StringBuilder(pick(SUBJECTS, r));
        int n = 3 + r.nextInt(9);
        for (int i = 0; i < n; i++) {
            s.append(", ").append(pick(STYLES, r));
        }
        return s.toString();
    }

    static String negative(SplittableRandom r) {
        StringBuilder s = new StringBuilder(pick(NEGATIVE, r));
        int n = 2 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            s.append(", ").append(pick(NEGATIVE, r));
        }
        return s.toString();
    }

    static long seed(SplittableRandom r) {
        return r.nextLong(1L << 32);
    }

    /** The {@code parameters} text AUTOMATIC1111's web UI writes (PNG tEXt; EXIF UserComment in JPEG/WebP). */
    static String a1111(SplittableRandom r, int width, int height) {
        String hash = String.format(Locale.ROOT, "%010x", r.nextLong(1L << 40));
        return prompt(r) + "\nNegative prompt: " + negative(r) + "\nSteps: " + (20 + r.nextInt(31)) + ", Sampler: "
                + pick(SAMPLERS, r) + ", CFG scale: " + (5 + r.nextInt(8)) + ", Seed: " + seed(r) + ", Size: " + width
                + "x" + height + ", Model hash: " + hash + ", Model: " + pick(CHECKPOINTS, r)
                + (r.nextBoolean() ? ", Denoising strength: 0.4, Hires upscale: 2, Hires upscaler: Latent" : "")
                + ", Version: v1.6.0";
    }

    /** ComfyUI's {@code prompt} chunk: the executed node graph as JSON (one line). */
    static String comfyPrompt(SplittableRandom r, int width, int height, String positive, String negative, long seed) {
        String ckpt = pick(CHECKPOINTS, r);
        return "{\"3\": {\"inputs\": {\"seed\": " + seed + ", \"steps\": " + (20 + r.nextInt(21))
                + ", \"cfg\": " + (6 + r.nextInt(3)) + ".0, \"sampler_name\": \"euler\", \"scheduler\": \"normal\", "
                + "\"denoise\": 1.0, \"model\": [\"4\", 0], \"positive\": [\"6\", 0], \"negative\": [\"7\", 0], "
                + "\"latent_image\": [\"5\", 0]}, \"class_type\": \"KSampler\"}, \"4\": {\"inputs\": {\"ckpt_name\": \""
                + ckpt + ".safetensors\"}, \"class_type\": \"CheckpointLoaderSimple\"}, \"5\": {\"inputs\": {\"width\": "
                + width + ", \"height\": " + height + ", \"batch_size\": 1}, \"class_type\": \"EmptyLatentImage\"}, "
                + "\"6\": {\"inputs\": {\"text\": \"" + positive + "\", \"clip\": [\"4\", 1]}, \"class_type\": "
                + "\"CLIPTextEncode\"}, \"7\": {\"inputs\": {\"text\": \"" + negative + "\", \"clip\": [\"4\", 1]}, "
                + "\"class_type\": \"CLIPTextEncode\"}, \"8\": {\"inputs\": {\"samples\": [\"3\", 0], \"vae\": [\"4\", 2]}, "
                + "\"class_type\": \"VAEDecode\"}, \"9\": {\"inputs\": {\"filename_prefix\": \"ComfyUI\", \"images\": "
                + "[\"8\", 0]}, \"class_type\": \"SaveImage\"}}";
    }

    /** ComfyUI's {@code workflow} chunk: the editor's graph with node positions, sizes and links (one line). */
    static String comfyWorkflow(SplittableRandom r, int width, int height, String positive, String negative, long seed) {
        StringBuilder nodes = new StringBuilder();
        String[][] kinds = {{"3", "KSampler"}, {"4", "CheckpointLoaderSimple"}, {"5", "EmptyLatentImage"},
            {"6", "CLIPTextEncode"}, {"7", "CLIPTextEncode"}, {"8", "VAEDecode"}, {"9", "SaveImage"}};
        for (String[] k : kinds) {
            if (!nodes.isEmpty()) {
                nodes.append(", ");
            }
            String widgets = switch (k[1]) {
                case "KSampler" -> "[" + seed + ", \"randomize\", 20, 8, \"euler\", \"normal\", 1]";
                case "EmptyLatentImage" -> "[" + width + ", " + height + ", 1]";
                case "CLIPTextEncode" -> "[\"" + (k[0].equals("6") ? positive : negative) + "\"]";
                case "SaveImage" -> "[\"ComfyUI\"]";
                case "CheckpointLoaderSimple" -> "[\"" + pick(CHECKPOINTS, r) + ".safetensors\"]";
                default -> "[]";
            };
            nodes.append("{\"id\": ").append(k[0]).append(", \"type\": \"").append(k[1]).append("\", \"pos\": [")
                    .append(100 + r.nextInt(1200)).append(", ").append(100 + r.nextInt(700)).append("], \"size\": {\"0\": ")
                    .append(200 + r.nextInt(250)).append(", \"1\": ").append(60 + r.nextInt(200))
                    .append("}, \"flags\": {}, \"order\": ").append(k[0]).append(", \"mode\": 0, \"properties\": ")
                    .append("{\"Node name for S&R\": \"").append(k[1]).append("\"}, \"widgets_values\": ")
                    .append(widgets).append('}');
        }
        return "{\"last_node_id\": 9, \"last_link_id\": 9, \"nodes\": [" + nodes + "], \"links\": [[1, 4, 0, 3, 0, "
                + "\"MODEL\"], [2, 5, 0, 3, 3, \"LATENT\"], [3, 4, 1, 6, 0, \"CLIP\"], [4, 6, 0, 3, 1, \"CONDITIONING\"], "
                + "[5, 4, 1, 7, 0, \"CLIP\"], [6, 7, 0, 3, 2, \"CONDITIONING\"], [7, 3, 0, 8, 0, \"LATENT\"], "
                + "[8, 4, 2, 8, 1, \"VAE\"], [9, 8, 0, 9, 0, \"IMAGE\"]], \"groups\": [], \"config\": {}, "
                + "\"extra\": {\"ds\": {\"scale\": 1.0, \"offset\": [0, 0]}}, \"version\": 0.4}";
    }

    /** NovelAI's {@code Comment} JSON. */
    static String novelAiComment(SplittableRandom r, int width, int height, String positive, String negative) {
        return "{\"prompt\": \"" + positive + "\", \"steps\": 28, \"height\": " + height + ", \"width\": " + width
                + ", \"scale\": 5.0, \"uncond_scale\": 1.0, \"cfg_rescale\": 0.0, \"seed\": " + seed(r)
                + ", \"n_samples\": 1, \"noise_schedule\": \"native\", \"sampler\": \"k_euler_ancestral\", "
                + "\"sm\": false, \"sm_dyn\": false, \"uc\": \"" + negative + "\"}";
    }

    /** InvokeAI's {@code invokeai_metadata} JSON. */
    static String invokeAi(SplittableRandom r, int width, int height, String positive, String negative) {
        return "{\"generation_mode\": \"txt2img\", \"positive_prompt\": \"" + positive + "\", \"negative_prompt\": \""
                + negative + "\", \"width\": " + width + ", \"height\": " + height + ", \"seed\": " + seed(r)
                + ", \"rand_device\": \"cpu\", \"cfg_scale\": 7.5, \"steps\": 30, \"scheduler\": \"euler\", "
                + "\"model\": {\"model_name\": \"" + pick(CHECKPOINTS, r) + "\", \"base_model\": \"sd-1\", "
                + "\"model_type\": \"main\"}, \"app_version\": \"3.4.0\"}";
    }

    /** Fooocus's {@code parameters} JSON (with {@code fooocus_scheme} = fooocus). */
    static String fooocus(SplittableRandom r, int width, int height, String positive, String negative) {
        return "{\"Prompt\": \"" + positive + "\", \"Negative Prompt\": \"" + negative + "\", \"Fooocus V2 Expansion\": \""
                + positive + ", highly detailed\", \"Styles\": \"['Fooocus V2', 'Fooocus Enhance', 'Fooocus Sharp']\", "
                + "\"Performance\": \"Speed\", \"Resolution\": \"(" + width + ", " + height + ")\", \"Sharpness\": 2, "
                + "\"Guidance Scale\": 4, \"Base Model\": \"juggernautXL_v8Rundiffusion.safetensors\", "
                + "\"Sampler\": \"dpmpp_2m_sde_gpu\", \"Scheduler\": \"karras\", \"Seed\": \"" + seed(r)
                + "\", \"Version\": \"Fooocus v2.1.865\"}";
    }

    /** An ISO 8601 time in 2019–2024 (XMP) and its EXIF form. */
    static String[] when(SplittableRandom r) {
        int y = 2019 + r.nextInt(6);
        int mo = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(28);
        int h = r.nextInt(24);
        int mi = r.nextInt(60);
        int s = r.nextInt(60);
        return new String[] {String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s),
            String.format(Locale.ROOT, "%04d:%02d:%02d %02d:%02d:%02d", y, mo, d, h, mi, s)};
    }

    static String uuid(SplittableRandom r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }
}
