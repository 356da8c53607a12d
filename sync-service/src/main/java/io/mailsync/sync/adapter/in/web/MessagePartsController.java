package io.mailsync.sync.adapter.in.web;

import io.mailsync.sync.application.ReadAttachment;
import io.mailsync.sync.application.ReadMessageStructure;
import io.mailsync.sync.domain.MessageStructure;
import io.mailsync.sync.domain.PartContent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Issue 20: a message's structure and its parts. A part is served from the file it was spooled to, as a
 * {@link Resource}: Spring MVC answers a {@code Range} request for a resource body with 206 and the ranges
 * ({@code ResourceRegion}), so an interrupted download resumes; the file is deleted once the request completed.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/messages/{messageId}")
@Tag(name = "messages", description = "Messages, their keywords as one read state for every device, and what changed")
@ApiResponse(responseCode = "400", description = "Bad input: what is wrong, in words")
@ApiResponse(responseCode = "404", description = "No such account, message or part of this customer")
@ApiResponse(responseCode = "503", description = "The mailbox cannot be read now: ask again after Retry-After",
        headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")))
class MessagePartsController {

    private final ReadMessageStructure structure;
    private final ReadAttachment attachment;

    MessagePartsController(ReadMessageStructure structure, ReadAttachment attachment) {
        this.structure = structure;
        this.attachment = attachment;
    }

    @GetMapping("/structure")
    @Operation(operationId = "getMessageStructure", summary = "What the message holds: header fields, the text and"
            + " HTML bodies decoded to UTF-8, and its attachments with their part ids",
            description = "Charset and transfer encoding undone; a body is cut at 1 Mi characters (then truncated="
            + "true). Works for every message: a body mailsync did not store is fetched from the mail server.")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(
            schema = @Schema(implementation = StructureView.class), examples = @ExampleObject(ApiExamples.STRUCTURE)))
    StructureView structure(JwtAuthenticationToken token, @PathVariable String accountId,
                            @PathVariable String messageId) {
        return StructureView.of(accountId, messageId, structure.read(Callers.of(token), Ids.account(accountId), messageId));
    }

    @GetMapping("/attachments/{partId}")
    @Operation(operationId = "getAttachment", summary = "One part of the message by its part id (IMAP section number,"
            + " from /structure), transfer encoding undone, always as a download",
            description = "Content-Disposition: attachment. Send Range (RFC 9110 §14.2) to get part of it (206 with"
            + " Content-Range) and resume a cut download.")
    @ApiResponse(responseCode = "200", description = "The whole part", headers = @Header(name = "Accept-Ranges",
            schema = @Schema(type = "string", example = "bytes")), content = @Content(mediaType = "*/*",
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The ranges asked for", headers = @Header(name = "Content-Range",
            schema = @Schema(type = "string", example = "bytes 4000000-52428799/52428800")), content = @Content(
            mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "416", description = "A range beyond the end of the part")
    ResponseEntity<Resource> attachment(JwtAuthenticationToken token, @PathVariable String accountId,
                                        @PathVariable String messageId,
                                        @Parameter(description = "IMAP part id, from /structure", example = "2")
                                        @PathVariable String partId,
                                        // answered by Spring MVC's ResourceRegion support, not here: named so the
                                        // contract (and api-client) carry it
                                        @Parameter(description = "RFC 9110 §14.2 byte ranges",
                                                example = "bytes=4000000-")
                                        @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        PartContent part = attachment.open(Callers.of(token), Ids.account(accountId), messageId, partId);
        RequestContextHolder.currentRequestAttributes().registerDestructionCallback("mailsync.part." + partId,
                () -> delete(part), RequestAttributes.SCOPE_REQUEST);
        // always a download, never rendered as the API's own page: an HTML part could carry script
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(part.name() == null ? "part-" + partId : part.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(mediaType(part.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(part.file()));
    }

    private static MediaType mediaType(String type) {
        try {
            return MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    private static void delete(PartContent part) {
        try {
            Files.deleteIfExists(part.file());
        } catch (IOException e) {
            part.file().toFile().deleteOnExit();
        }
    }

    record StructureView(String accountId, String messageId, List<MessageStructure.Header> headers, String textBody,
                         String htmlBody, boolean truncated, List<AttachmentView> attachments) {

        static StructureView of(String accountId, String messageId, MessageStructure s) {
            return new StructureView(accountId, messageId, s.headers(), s.textBody(), s.htmlBody(), s.truncated(),
                    s.attachments().stream().map(AttachmentView::of).toList());
        }
    }

    record AttachmentView(String partId, String name, String type, long size, boolean inline, String contentId) {

        static AttachmentView of(MessageStructure.Attachment a) {
            return new AttachmentView(a.partId().value(), a.name(), a.type(), a.size(), a.inline(), a.contentId());
        }
    }
}
