package io.mailsync.plantpublic.adapter.in.web;

public class PublicController {
}
