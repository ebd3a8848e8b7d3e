package org.eldercare.planner.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The layers the server offers, in layer-switcher order. Adding an analysis layer is one {@link #add} call in the
 * wiring. Built once at start, then only read: THREAD-SAFE once the server runs.
 */
public final class LayerRegistry {
    private final Map<String, MapLayer<?>> layers = new LinkedHashMap<>();

    /**
     * Adds a layer.
     *
     * @throws IllegalArgumentException when a layer with the same id is already registered
     */
    public LayerRegistry add(MapLayer<?> layer) {
        if (layers.putIfAbsent(layer.id(), layer) != null) {
            throw new IllegalArgumentException("layer.id: a layer '" + layer.id() + "' is already registered");
        }
        return this;
    }

    /** All layers, in registration order. */
    public List<MapLayer<?>> listLayers() {
        return List.copyOf(layers.values());
    }

    public Optional<MapLayer<?>> findLayer(String id) {
        return Optional.ofNullable(layers.get(id));
    }

    /**
     * The layer with this id.
     *
     * @throws NotFoundException naming the parameter and listing the layer ids when there is none
     */
    public MapLayer<?> getLayer(String parameter, String id) {
        MapLayer<?> l = layers.get(id);
        if (l == null) {
            throw new NotFoundException(parameter, id, "unknown layer '" + id + "'", new ArrayList<>(layers.keySet()));
        }
        return l;
    }
}
