/**
 * The board domain: the {@link dev.whiteboard.boards.entity.Board} aggregate, its
 * {@link dev.whiteboard.boards.entity.Shape}s and background, and the value types that check themselves
 * ({@link dev.whiteboard.boards.entity.ShapeData}, {@link dev.whiteboard.boards.entity.Points}). Every size
 * limit is in {@link dev.whiteboard.boards.entity.Limits}. No persistence calls and no HTTP here.
 */
package dev.whiteboard.boards.entity;
