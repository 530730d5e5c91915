package io.holdfast.ingest.adapter.web;

/** Request limits of the HTTP edge. @param maxRequestBytes larger bodies are answered 413 */
public record WebLimits(int maxRequestBytes) {
}
