package dev.starlight.trainer.service.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Paths in JSON (a run's {@code TrainingConfig}) as plain file-system paths rather than {@code file://} URIs. */
@Singleton
public class JsonPaths implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("starlight-paths").addSerializer(Path.class, ToStringSerializer.instance));
    }
}
