package dev.whiteboard.boards.boundary;

import dev.whiteboard.boards.entity.BoardAsset;

/**
 * An image asset of a board: {@code {"id":"9f86d08…","type":"image/png","width":40,"height":30,"bytes":1234}}; the id
 * is the SHA-256 of the bytes (hex), the type and size what the bytes are.
 */
public record AssetView(String id, String type, int width, int height, int bytes) {

    static AssetView of(BoardAsset asset) {
        return new AssetView(asset.assetId(), asset.contentType(), asset.width(), asset.height(), asset.size());
    }
}
