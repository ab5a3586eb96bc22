/**
 * Image assets uploaded by users (board backgrounds today, any later image asset too): what an upload really is.
 * {@link dev.whiteboard.images.ImageType} recognises the format by its leading bytes; {@link
 * dev.whiteboard.images.ImageInspector} reads the header (width, height, frames) without decoding a pixel,
 * refuses a picture that would take more memory to decode than the caller allows (an "image bomb") and a file that
 * is truncated, malformed or carries anything after the image's end. Nothing here knows about HTTP or boards.
 */
package dev.whiteboard.images;
