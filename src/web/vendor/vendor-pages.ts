import { gradePreview } from './grade-preview.js';
import { formProfile, OFFERING_STEPS, type OfferingStep } from './offering.form.js';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OfferingDto } from '../../offerings/dto/offering.dto.js';
import { isEditable } from '../../offerings/offering-rules.js';
import type { OfferingStatus } from '../../offerings/offering.entity.js';
import type { VendorDto } from '../../vendors/dto/vendor.dto.js';
import type { FormValues } from '../shared/form-input.js';
import { WebViews } from '../shared/views.js';
import { OFFERING_LABELS, offeringChoices } from './offering.form.js';
import { establishmentRows, headcountOptions, organisationLabels, siteStates } from './organisation.form.js';

/** A form page of the vendor space as shown, first or again after a refusal. */
export interface FormPage {
  values: FormValues;
  errors?: Record<string, string[]>;
  message?: string;
  status?: number;
}

/** The vendor space's form pages: layout data only, shared by the handlers that show them. */
@Injectable()
export class VendorPages {
  constructor(private readonly views: WebViews) {}

  organisation(reply: FastifyReply, request: FastifyRequest, vendor: VendorDto, page: FormPage): void {
    // The existing rows, then one empty row to add a site.
    const rows = establishmentRows(page.values) + 1;
    this.views.send(
      reply,
      request,
      'vendor/organisation',
      'Mon organisation',
      {
        vendor,
        values: page.values,
        errors: page.errors ?? {},
        message: page.message,
        rows,
        siteStates: siteStates(page.values, vendor.establishments, rows),
        labels: organisationLabels(rows),
        headcountBands: headcountOptions(),
      },
      page.status ?? 200,
    );
  }

  offering(
    reply: FastifyReply,
    request: FastifyRequest,
    offering: OfferingDto | null,
    page: FormPage & { publishRefused?: boolean; step?: OfferingStep },
  ): void {
    this.views.send(
      reply,
      request,
      'vendor/offering-form',
      offering ? `Offre : ${offering.title}` : 'Nouvelle offre',
      {
        offering,
        editable: offering ? isEditable(offering.status as OfferingStatus) : true,
        values: page.values,
        errors: page.errors ?? {},
        message: page.message,
        publishRefused: page.publishRefused ?? false,
        step: page.step ?? null,
        steps: OFFERING_STEPS,
        preview: gradePreview(formProfile(page.values)),
        labels: OFFERING_LABELS,
        ...offeringChoices(),
      },
      page.status ?? 200,
    );
  }

  /** The grade preview fragment for the form's current answers. */
  gradePreview(reply: FastifyReply, request: FastifyRequest, body: unknown): void {
    this.views.sendFragment(reply, request, 'vendor/grade-preview', { preview: gradePreview(formProfile(body)) });
  }
}
